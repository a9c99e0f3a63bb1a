/**
 * A source document in another language: the same mdast, with each unit's inline content
 * replaced by its translation parsed back from Markdown.
 */
import type { Nodes, PhrasingContent, Root } from 'mdast';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../sources/load-sources.js';
import { markdownToPhrasing } from '../segments/inline-markdown.js';
import { forEachUnitNode, innerTexts, sourceSegments } from '../segments/source-segments.js';
import type { Segment } from '../segments/segment.js';
import type { Translator } from './translator.js';

export function translateSource(doc: SourceDocument, translator: Translator): { doc: SourceDocument; diagnostics: Diagnostic[] } {
  if (translator.isSource) return { doc, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const segments = sourceSegments(doc);
  const tree = structuredClone(doc.tree) as Root;
  let index = 1; // segments[0] is the title
  forEachUnitNode(tree, (node, markdown, isUnit) => {
    // The alternative texts and titles in the source's node, units of their own, follow its unit.
    const innerCount = innerTexts(node.children).length;
    if (isUnit) {
      const segment = segments[index++];
      if (!segment || segment.source !== markdown) throw new Error(`internal: unit walk out of step in ${doc.file}`);
      translateUnit(node, segment, translator, diagnostics);
    }
    const inner = segments.slice(index, (index += innerCount));
    if (inner.some((s) => s.kind !== 'alt' && s.kind !== 'link-title')) throw new Error(`internal: unit walk out of step in ${doc.file}`);
    translateInnerTexts(node.children, inner, translator);
  });
  const title = translator.text(segments[0]!);
  return { doc: { ...doc, title, tree }, diagnostics };
}

/** A unit's inline content replaced by its translation. */
function translateUnit(node: { children: PhrasingContent[] }, segment: Segment, translator: Translator, diagnostics: Diagnostic[]): void {
  const text = translator.text(segment);
  if (text === segment.source) return;
  const children = markdownToPhrasing(text, segment.footnoteLabels);
  if (!children) {
    diagnostics.push(diagnostic(segment.place, 'error', 'translate/markdown',
      `The ${translator.lang} translation of "${segment.source.slice(0, 40)}…" does not read as one paragraph of text (does it start with "#", "-", "1." or contain a blank line?). Fix it in translations/${translator.lang}.po.`));
    return;
  }
  // Messages about this text (a character no font has) point at the translation in the store.
  const place = translator.placeOf(segment);
  const mark = (list: PhrasingContent[]) => {
    for (const child of list) {
      (child.data ??= {} as never) as Record<string, unknown>;
      (child.data as Record<string, unknown>).folioTranslation = place;
      if ('children' in child) mark(child.children as PhrasingContent[]);
    }
  };
  if (place) mark(children);
  node.children = children;
}

/**
 * The alternative texts and titles in a unit (as translated: the translation keeps its images and
 * links) set from their own units, matched in order; when the translation has not as many of
 * them as the source, each keeps the text the translation gave it.
 */
function translateInnerTexts(children: PhrasingContent[], segments: Segment[], translator: Translator): void {
  const targets = innerTexts(children);
  if (targets.length !== segments.length) return;
  targets.forEach((target, i) => {
    const text = translator.text(segments[i]!);
    if (text !== segments[i]!.source) (target.node as unknown as Record<string, string>)[target.field] = text;
  });
}

export type { Nodes };
