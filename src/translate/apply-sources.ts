/**
 * A source document in another language: the same mdast, with each unit's inline content
 * replaced by its translation parsed back from Markdown.
 */
import type { Nodes, PhrasingContent, Root } from 'mdast';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../sources/load-sources.js';
import { markdownToPhrasing } from '../segments/inline-markdown.js';
import { forEachUnitNode, sourceSegments } from '../segments/source-segments.js';
import type { Translator } from './translator.js';

export function translateSource(doc: SourceDocument, translator: Translator): { doc: SourceDocument; diagnostics: Diagnostic[] } {
  if (translator.isSource) return { doc, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const segments = sourceSegments(doc);
  const tree = structuredClone(doc.tree) as Root;
  let index = 1; // segments[0] is the title
  forEachUnitNode(tree, (node, markdown) => {
    const segment = segments[index++];
    if (!segment || segment.source !== markdown) throw new Error(`internal: unit walk out of step in ${doc.file}`);
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
    (node as { children: PhrasingContent[] }).children = children;
  });
  const title = translator.text(segments[0]!);
  return { doc: { ...doc, title, tree }, diagnostics };
}

export type { Nodes };
