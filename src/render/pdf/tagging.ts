/**
 * Tagged PDF (PDF 32000-1:2008 §14.7–14.8; ISO 14289-1, PDF/UA-1 §7): while the pages are drawn,
 * every piece of content is either marked as the content of a structure element (`BDC` with an
 * MCID, recorded in the parent tree) or as an artifact (`/Artifact BMC`), and each link
 * annotation joins a Link element by an object reference; then the structure tree is written
 * with the catalog's MarkInfo.
 *
 * The elements come from the layout (structure.ts); the writer adds, inside a text element, a
 * Link element for the words of each link, a Reference for each footnote number (a Lbl inside
 * the note itself), in logical order: a right-to-left line's pieces are read from the right.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFOperator, PDFOperatorNames as Ops, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';
import type { DrawItem } from './boxes.js';
import type { LaidLine } from '../../text/layout-paragraph.js';
import { logicalOrder, type MarkGroup } from './glyphs/line-operators.js';
import { allNodes, type StructNode, type StructRole } from './structure.js';
import { languageScript } from '../../config/languages.js';

/** Pages [from, to) whose items are tagged with the elements under `roots`. */
export interface TagPart {
  roots: StructNode[];
  from: number;
  to: number;
}

type Kid = { mcid: number; page: number } | { objr: PDFRef; page: number } | Element;

interface Element {
  role: StructRole;
  kids: Kid[];
  node?: StructNode;
  alt?: string;
  lang?: string;
  scope?: 'Column' | 'Row';
  ref?: PDFRef;
}

const isElement = (kid: Kid): kid is Element => 'role' in kid;

/** A layout node's element, with the entries it carries over (its content comes as it is drawn). */
const elementFor = (node: StructNode): Element => ({
  role: node.role, kids: [], node,
  ...(node.alt !== undefined ? { alt: node.alt } : {}), ...(node.lang ? { lang: node.lang } : {}), ...(node.scope ? { scope: node.scope } : {}),
});

const artifact = () => PDFOperator.of(Ops.BeginMarkedContent, ['/Artifact']);
const end = () => PDFOperator.of(Ops.EndMarkedContent);

export class Tagger {
  /** Per part: its nodes' elements. */
  private readonly parts: { part: TagPart; nodes: Set<StructNode>; elements: Map<StructNode, Element>; links: Map<object, Element> }[];
  /** Per page index: the element of each MCID. */
  private readonly marks = new Map<number, Element[]>();
  /** Link annotations: the element each belongs to. */
  private readonly annotations: { page: number; annot: PDFDict; element: Element }[] = [];
  private readonly inNote = new Set<StructNode>();
  /** The first paragraph of each note (where its number is), and those whose number was met. */
  private readonly firstOfNote = new Set<StructNode>();
  private readonly labelled = new Set<StructNode>();
  /** The words of each link extent, in logical order. */
  private readonly linkText = new Map<Element, string>();
  private readonly elementText = new Map<Element, string>();

  private readonly docScript: string;
  constructor(private readonly doc: PDFDocument, parts: readonly TagPart[], private readonly language: { lang: string; scriptLanguages?: Record<string, string> } = { lang: 'und' }) {
    this.docScript = languageScript(language.lang);
    this.parts = parts.map((part) => ({ part, nodes: allNodes(part.roots), elements: new Map(), links: new Map() }));
    const walk = (n: StructNode, note: boolean) => {
      if (note) this.inNote.add(n);
      if (n.role === 'Note' && n.children[0]) this.firstOfNote.add(n.children[0]);
      for (const c of n.children) walk(c, note || n.role === 'Note');
    };
    for (const part of parts) for (const root of part.roots) walk(root, false);
  }

  /** The part a page belongs to. */
  private partOf(page: number) {
    return this.parts.find((p) => page >= p.part.from && page < p.part.to);
  }

  /** The element of a node drawn on this page, if the node belongs to the page's part. */
  private elementOf(page: number, node: StructNode | undefined): Element | undefined {
    if (!node) return undefined;
    const part = this.partOf(page);
    if (!part || !part.nodes.has(node)) return undefined;
    let element = part.elements.get(node);
    if (!element) {
      element = elementFor(node);
      part.elements.set(node, element);
    }
    return element;
  }

  private mark(page: number, element: Element, role: string, actualText?: string): PDFOperator {
    const list = this.marks.get(page) ?? [];
    this.marks.set(page, list);
    const mcid = list.length;
    list.push(element);
    element.kids.push({ mcid, page });
    const actual = actualText === undefined ? '' : ` /ActualText ${PDFHexString.fromText(actualText).toString()}`;
    return PDFOperator.of(Ops.BeginMarkedContentSequence, [`/${role}`, `<</MCID ${mcid}${actual}>>`]);
  }

  /** Wraps operators drawn for a shape or an image: its element's content, or an artifact. */
  wrap(page: number, pdfPage: PDFPage, item: DrawItem, draw: () => void): void {
    const element = item.type === 'image' ? this.elementOf(page, item.tag) : undefined;
    pdfPage.pushOperators(element ? this.mark(page, element, element.role) : artifact());
    draw();
    pdfPage.pushOperators(end());
  }

  /** The marked-content groups of a line of text (see lineOperators). */
  lineGroups(page: number, item: Extract<DrawItem, { type: 'line' }>): MarkGroup[] {
    const element = this.elementOf(page, item.tag);
    if (!element) return [{ start: 0, open: artifact() }];
    const { line } = item;
    const sequence = logicalOrder(line);
    // Each glyph's owner: a link's words, a footnote number (raised digits), or the element itself.
    const keyOf = (g: LaidLine['glyphs'][number]): object | 'ref' | undefined => {
      const link = line.links.find((l) => g.x >= l.x0 - 0.01 && g.x < l.x1 - 0.01);
      if (link) return link;
      return g.y > 0 && /^\d$/.test(g.text) ? 'ref' : undefined;
    };
    // Runs, in logical order, of one owner, one language and one ActualText (a hyphenated word's
    // fragment extracts as its word, or as nothing). Text in another script than the document's
    // is in another language (PDF/UA-1 §7.2): characters of no script take their neighbours'.
    const runs: { start: number; end: number; key: object | 'ref' | undefined; lang?: string; actual?: { text: string } }[] = [];
    let lang: string | undefined;
    sequence.forEach((index, position) => {
      const g = line.glyphs[index]!;
      const key = keyOf(g);
      const script = scriptOf(g.text);
      if (script !== undefined) lang = script === this.docScript ? undefined : this.language.scriptLanguages?.[script] ?? SCRIPT_LANGUAGES[script];
      const last = runs[runs.length - 1];
      if (!last || last.key !== key || last.actual !== g.actual || last.lang !== lang) runs.push({ start: position, end: position + 1, key, ...(lang ? { lang } : {}), ...(g.actual ? { actual: g.actual } : {}) });
      else last.end = position + 1;
    });
    const textOf = (from: number, to: number) => sequence.slice(from, to).map((i) => line.glyphs[i]!.text).join('');
    // A contents entry's words describe its link (the only annotation without words of its own).
    if (element.role === 'TOCI') this.elementText.set(element, `${this.elementText.get(element) ?? ''}${textOf(0, sequence.length)} `);
    const open = new Map<number, PDFOperator>();
    for (const run of runs) {
      let owner = element;
      if (run.key === 'ref') {
        // A note's own number (the first raised number of its first paragraph) is its label; any other a reference.
        const label = this.inNote.has(item.tag!) && !this.labelled.has(item.tag!) && this.firstOfNote.has(item.tag!);
        if (this.inNote.has(item.tag!)) this.labelled.add(item.tag!);
        owner = { role: label ? 'Lbl' : 'Reference', kids: [] };
        element.kids.push(owner);
      } else if (run.key) {
        owner = this.linkElement(page, run.key, element);
        this.linkText.set(owner, (this.linkText.get(owner) ?? '') + textOf(run.start, run.end));
      }
      if (run.lang && run.key !== 'ref') {
        // Words in another language: a Span with its /Lang inside the element (or the link).
        const span: Element = { role: 'Span', kids: [], lang: run.lang };
        owner.kids.push(span);
        owner = span;
      }
      // Readers (poppler among them) take an ActualText only from a Span: a fragment's content is tagged so.
      open.set(run.start, this.mark(page, owner, run.actual ? 'Span' : owner.role, run.actual?.text));
    }
    return runs.map((run) => ({ start: run.start, open: open.get(run.start)! }));
  }

  /** The Link element of a laid link extent in the page's part (the annotation over it joins the same element). */
  private linkElement(page: number, extent: object, parent: Element): Element {
    const links = this.partOf(page)!.links;
    let link = links.get(extent);
    if (!link) {
      link = { role: 'Link', kids: [] };
      links.set(extent, link);
      parent.kids.push(link);
    }
    return link;
  }

  /**
   * A link annotation: it joins the Link element of its words (or of its entry, in a contents
   * list), and is described by its title, else by its words (PDF/UA-1 §7.18.5), else its URL.
   */
  annotation(page: number, item: Extract<DrawItem, { type: 'link' }>, annot: PDFDict, annotRef: PDFRef): void {
    const element = this.elementOf(page, item.tag);
    const link = !element ? undefined : item.extent ? this.linkElement(page, item.extent, element) : (() => {
      const own: Element = { role: 'Link', kids: [] };
      element.kids.push(own);
      return own;
    })();
    if (!annot.has(PDFName.of('Contents'))) {
      const own = link && item.extent ? this.linkText.get(link) : element ? this.elementText.get(element) : undefined;
      annot.set(PDFName.of('Contents'), PDFHexString.fromText(own?.replace(/\s+/g, ' ').trim() || item.url));
    }
    if (!link) return;
    link.kids.push({ objr: annotRef, page });
    this.annotations.push({ page, annot, element: link });
  }


  /** A form field's widget: the content of its Form element (PDF/UA-1 §7.18.4), by an object reference. */
  widget(page: number, node: StructNode, annot: PDFDict, annotRef: PDFRef): void {
    const element = this.elementOf(page, node);
    if (!element) return;
    element.kids.push({ objr: annotRef, page });
    this.annotations.push({ page, annot, element });
  }

  /** Writes the structure tree, the parent tree and MarkInfo. */
  finish(pageRefs: readonly PDFRef[], pages: readonly PDFPage[]): void {
    const context = this.doc.context;
    const tops: Element[] = this.parts.map(({ part, elements }) => {
      const resolve = (node: StructNode, top: boolean): Element => {
        const element = elements.get(node) ?? elementFor(node);
        elements.set(node, element);
        element.kids = [...node.children.map((c) => resolve(c, false)), ...element.kids];
        if (!top && element.role === 'Document') element.role = 'Sect';
        return element;
      };
      const roots = part.roots.map((r) => resolve(r, part.roots.length === 1 && this.parts.length === 1));
      return roots.length === 1 && this.parts.length === 1 ? roots[0]! : { role: this.parts.length === 1 ? 'Document' : 'Part', kids: roots } as Element;
    });
    const document: Element = tops.length === 1 && tops[0]!.role === 'Document' ? tops[0]! : { role: 'Document', kids: tops };

    // Elements without content say nothing: left out, but for table cells and rows (an empty
    // cell keeps its column).
    const hasContent = (e: Element): boolean => e.role === 'TD' || e.role === 'TH' || e.kids.some((k) => !isElement(k) || hasContent(k));
    const rootRef = context.nextRef();
    const write = (e: Element, parent: PDFRef): PDFRef => {
      const ref = (e.ref ??= context.nextRef());
      const kids = e.kids.filter((k) => !isElement(k) || hasContent(k));
      const firstPage = kids.find((k): k is { mcid: number; page: number } => !isElement(k) && 'mcid' in k)?.page;
      const k = kids.map((kid) => {
        if (isElement(kid)) return write(kid, ref);
        if ('objr' in kid) return context.obj({ Type: 'OBJR', Obj: kid.objr, Pg: pageRefs[kid.page]! });
        return kid.page === firstPage ? PDFNumber.of(kid.mcid) : context.obj({ Type: 'MCR', Pg: pageRefs[kid.page]!, MCID: kid.mcid });
      });
      const dict = context.obj({ Type: 'StructElem', S: e.role, P: parent });
      dict.set(PDFName.of('K'), context.obj(k));
      if (firstPage !== undefined) dict.set(PDFName.of('Pg'), pageRefs[firstPage]!);
      if (e.alt !== undefined) dict.set(PDFName.of('Alt'), PDFHexString.fromText(e.alt));
      if (e.lang) dict.set(PDFName.of('Lang'), PDFHexString.fromText(e.lang));
      if (e.scope) dict.set(PDFName.of('A'), context.obj({ O: 'Table', Scope: e.scope }));
      context.assign(ref, dict);
      return ref;
    };
    const top = write(document, rootRef);

    // The parent tree: per page, the element of each MCID; per annotation, its Link element.
    const nums: (PDFNumber | PDFRef | PDFArray)[] = [];
    const pageKeys = [...this.marks.keys()].sort((a, b) => a - b);
    for (const page of pageKeys) {
      pages[page]!.node.set(PDFName.of('StructParents'), PDFNumber.of(page));
      nums.push(PDFNumber.of(page), context.obj(this.marks.get(page)!.map((e) => e.ref!)));
    }
    let key = pages.length;
    for (const { page, annot, element } of this.annotations) {
      annot.set(PDFName.of('StructParent'), PDFNumber.of(key));
      nums.push(PDFNumber.of(key++), element.ref!);
      pages[page]!.node.set(PDFName.of('Tabs'), PDFName.of('S'));
    }
    context.assign(rootRef, context.obj({
      Type: 'StructTreeRoot',
      K: top,
      ParentTree: context.obj({ Nums: nums }),
      ParentTreeNextKey: key,
    }));
    this.doc.catalog.set(PDFName.of('StructTreeRoot'), rootRef);
    this.doc.catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
  }
}

/**
 * The script of a glyph's text, when it is in one of the scripts folio sets (punctuation, digits
 * and spaces are in none). By code ranges: this runs for every glyph of a document.
 */
function scriptOf(text: string): string | undefined {
  const c = text.codePointAt(0);
  if (c === undefined) return undefined;
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff)) return 'Latn';
  if ((c >= 0x600 && c <= 0x6ff && !(c >= 0x660 && c <= 0x66d) && c !== 0x60c && c !== 0x61b && c !== 0x61f) || (c >= 0x750 && c <= 0x77f) || (c >= 0x8a0 && c <= 0x8ff) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)) return 'Arab';
  if ((c >= 0x591 && c <= 0x5f4) || (c >= 0xfb1d && c <= 0xfb4f)) return 'Hebr';
  if (c >= 0x400 && c <= 0x52f) return 'Cyrl';
  if ((c >= 0x370 && c <= 0x3ff && c !== 0x37e && c !== 0x387) || (c >= 0x1f00 && c <= 0x1fff)) return 'Grek';
  return undefined;
}

/** The language of a script when the seminar has none written in it. */
const SCRIPT_LANGUAGES: Record<string, string> = { Latn: 'en', Arab: 'ar', Hebr: 'he', Cyrl: 'ru', Grek: 'el' };
