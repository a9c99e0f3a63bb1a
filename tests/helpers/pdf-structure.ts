/**
 * A tagged PDF walked from outside with pdf-lib: its marked content per page (which MCIDs,
 * which text-showing operators outside any marked content), its structure tree, parent tree
 * and annotations, and the problems found against the rules folio promises (PDF/UA-1 §7.1, 7.2,
 * 7.3, 7.5, 7.18; PDF 32000-1 §14.7–14.8).
 */
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, PDFString, PDFHexString, PDFBool } from 'pdf-lib';

export interface StructTree { role: string; lang?: string; kids: StructTree[] }

export interface WalkedPdf {
  problems: string[];
  /** Structure element types, in tree order (depth first). */
  roles: string[];
  /** The elements as a tree (content left out). */
  tree: StructTree[];
  /** Count of MCIDs in the content of all pages. */
  mcids: number;
  /** Text-showing operators inside artifacts. */
  artifactTexts: number;
  doc: PDFDocument;
}

const TEXT_OPS = new Set(['Tj', 'TJ', "'", '"']);

/** The operators of a content stream, with the depth of marked content and its kind. */
function scanContent(bytes: Uint8Array): { mcids: number[]; textOutside: number; textInArtifact: number; unbalanced: boolean } {
  const text = new TextDecoder('latin1').decode(bytes);
  const stack: ('mcid' | 'artifact' | 'other')[] = [];
  const mcids: number[] = [];
  let textOutside = 0;
  let textInArtifact = 0;
  let unbalanced = false;
  // Tokens: strings (…) and <…> are skipped, dictionaries kept whole for BDC.
  const re = /\((?:\\.|[^\\)])*\)|<<(?:[^>]|>(?!>))*>>|<[0-9A-Fa-f\s]*>|\[|\]|\/[^\s/[\]()<>{}%]+|[^\s/[\]()<>{}%]+/g;
  let pending: string[] = [];
  for (const m of text.matchAll(re)) {
    const token = m[0];
    if (token === 'BDC') {
      const props = pending[pending.length - 1] ?? '';
      const tag = pending[pending.length - 2] ?? '';
      const mcid = /\/MCID\s+(\d+)/.exec(props);
      if (mcid) { mcids.push(Number(mcid[1])); stack.push('mcid'); } else stack.push(tag === '/Artifact' ? 'artifact' : 'other');
      pending = [];
    } else if (token === 'BMC') {
      stack.push(pending[pending.length - 1] === '/Artifact' ? 'artifact' : 'other');
      pending = [];
    } else if (token === 'EMC') {
      if (stack.length === 0) unbalanced = true;
      stack.pop();
      pending = [];
    } else if (TEXT_OPS.has(token)) {
      if (stack.includes('artifact')) textInArtifact++;
      else if (!stack.includes('mcid')) textOutside++;
      pending = [];
    } else if (/^[A-Za-z'"*]+$/.test(token) && !/^(true|false|null)$/.test(token)) {
      pending = [];
    } else pending.push(token);
  }
  if (stack.length !== 0) unbalanced = true;
  return { mcids, textOutside, textInArtifact, unbalanced };
}

function contentBytes(doc: PDFDocument, page: PDFDict): Uint8Array {
  const contents = page.lookup(PDFName.of('Contents'));
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
  const parts = streams.map((s) => (s instanceof PDFRawStream ? decodePDFRawStream(s).decode() : s instanceof PDFStream ? s.getContents() : new Uint8Array()));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; out[at++] = 10; }
  return out;
}

const textOf = (o: unknown) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined);

export async function walkTaggedPdf(bytes: Uint8Array): Promise<WalkedPdf> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const problems: string[] = [];
  const catalog = doc.catalog;
  const markInfo = catalog.lookup(PDFName.of('MarkInfo'));
  if (!(markInfo instanceof PDFDict) || markInfo.lookup(PDFName.of('Marked')) !== PDFBool.True) problems.push('MarkInfo /Marked true is missing (PDF/UA-1 7.1)');
  if (!textOf(catalog.lookup(PDFName.of('Lang')))) problems.push('the catalog has no /Lang (PDF/UA-1 7.2)');
  const prefs = catalog.lookup(PDFName.of('ViewerPreferences'));
  if (!(prefs instanceof PDFDict) || prefs.lookup(PDFName.of('DisplayDocTitle')) !== PDFBool.True) problems.push('ViewerPreferences /DisplayDocTitle true is missing (PDF/UA-1 7.1)');
  const root = catalog.lookup(PDFName.of('StructTreeRoot'));
  const walked: WalkedPdf = { problems, roles: [], tree: [], mcids: 0, artifactTexts: 0, doc };
  if (!(root instanceof PDFDict)) { problems.push('no StructTreeRoot'); return walked; }

  // The parent tree: page key → array of elements by MCID; annotation key → element.
  const parentTree = new Map<number, unknown>();
  const collectNums = (node: PDFDict) => {
    const nums = node.lookup(PDFName.of('Nums'));
    if (nums instanceof PDFArray) for (let i = 0; i + 1 < nums.size(); i += 2) parentTree.set((nums.lookup(i) as PDFNumber).asNumber(), nums.get(i + 1));
    const kids = node.lookup(PDFName.of('Kids'));
    if (kids instanceof PDFArray) for (const k of kids.asArray()) collectNums(doc.context.lookup(k) as PDFDict);
  };
  const pt = root.lookup(PDFName.of('ParentTree'));
  if (pt instanceof PDFDict) collectNums(pt); else problems.push('no ParentTree');

  // Content of each page: every text operator marked, MCIDs unique.
  const pages = doc.getPages();
  const pageIndex = new Map<PDFRef, number>(pages.map((p, i) => [p.ref, i]));
  const contentMcids = new Map<number, Set<number>>();
  pages.forEach((page, i) => {
    const scan = scanContent(contentBytes(doc, page.node));
    if (scan.unbalanced) problems.push(`page ${i + 1}: unbalanced marked content`);
    if (scan.textOutside > 0) problems.push(`page ${i + 1}: ${scan.textOutside} text operators neither in marked content nor in an artifact (PDF/UA-1 7.1)`);
    walked.artifactTexts += scan.textInArtifact;
    const set = new Set(scan.mcids);
    if (set.size !== scan.mcids.length) problems.push(`page ${i + 1}: an MCID is used twice`);
    contentMcids.set(i, set);
    walked.mcids += set.size;
    if (set.size > 0) {
      const key = page.node.lookup(PDFName.of('StructParents'));
      const array = key instanceof PDFNumber ? doc.context.lookup(parentTree.get(key.asNumber()) as PDFRef | PDFArray) : undefined;
      if (!(array instanceof PDFArray)) problems.push(`page ${i + 1}: no parent tree entry for its marked content`);
      else for (const mcid of set) if (!(array.get(mcid) instanceof PDFRef)) problems.push(`page ${i + 1}: MCID ${mcid} has no element in the parent tree`);
    }
    // Annotations: each link in the structure, described, and the page's tab order by structure.
    const annots = page.node.lookup(PDFName.of('Annots'));
    if (annots instanceof PDFArray && annots.size() > 0) {
      if (page.node.lookup(PDFName.of('Tabs')) !== PDFName.of('S')) problems.push(`page ${i + 1}: annotations but no /Tabs /S (PDF/UA-1 7.18.3)`);
      for (const ref of annots.asArray()) {
        const annot = doc.context.lookup(ref) as PDFDict;
        if (annot.lookup(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
        if (!(annot.lookup(PDFName.of('StructParent')) instanceof PDFNumber)) problems.push(`page ${i + 1}: a link annotation outside the structure (PDF/UA-1 7.18.1)`);
        if (!textOf(annot.lookup(PDFName.of('Contents')))) problems.push(`page ${i + 1}: a link annotation without Contents (PDF/UA-1 7.18.5)`);
      }
    }
  });

  // The tree: parents set, every MCID of the tree in the content once, types and attributes.
  const seen = new Set<string>();
  const visit = (ref: PDFRef | undefined, dict: PDFDict, parent: PDFRef | PDFDict, inheritedPage: number | undefined, into: StructTree[]) => {
    const role = (dict.lookup(PDFName.of('S')) as PDFName | undefined)?.decodeText() ?? '?';
    walked.roles.push(role);
    const lang = textOf(dict.lookup(PDFName.of('Lang')));
    const node: StructTree = { role, kids: [], ...(lang ? { lang } : {}) };
    into.push(node);
    const p = dict.get(PDFName.of('P'));
    if (!p) problems.push(`a ${role} element without its parent (P)`);
    else if (parent instanceof PDFRef && p !== parent) problems.push(`a ${role} element whose P is not its parent`);
    if (role === 'Figure' && textOf(dict.lookup(PDFName.of('Alt'))) === undefined) problems.push('a Figure without Alt (PDF/UA-1 7.3)');
    if (role === 'TH') {
      const a = dict.lookup(PDFName.of('A'));
      if (!(a instanceof PDFDict) || !(a.lookup(PDFName.of('Scope')) instanceof PDFName)) problems.push('a TH without Scope (PDF/UA-1 7.5)');
    }
    const pg = dict.get(PDFName.of('Pg'));
    const page = pg instanceof PDFRef ? pageIndex.get(pg) : inheritedPage;
    const k = dict.lookup(PDFName.of('K'));
    const kids = k instanceof PDFArray ? k.asArray() : k === undefined ? [] : [dict.get(PDFName.of('K'))!];
    for (const kid of kids) {
      const value = kid instanceof PDFRef ? doc.context.lookup(kid) : kid;
      if (value instanceof PDFNumber) {
        const key = `${page}:${value.asNumber()}`;
        if (page === undefined || !contentMcids.get(page)?.has(value.asNumber())) problems.push(`${role}: MCID ${value.asNumber()} is not in the content of its page`);
        if (seen.has(key)) problems.push(`MCID ${key} belongs to two elements`);
        seen.add(key);
      } else if (value instanceof PDFDict) {
        const type = (value.lookup(PDFName.of('Type')) as PDFName | undefined)?.decodeText();
        if (type === 'MCR') {
          const mp = value.get(PDFName.of('Pg'));
          const mpage = mp instanceof PDFRef ? pageIndex.get(mp) : page;
          const mcid = (value.lookup(PDFName.of('MCID')) as PDFNumber).asNumber();
          if (mpage === undefined || !contentMcids.get(mpage)?.has(mcid)) problems.push(`${role}: MCID ${mcid} is not in the content of its page`);
          if (seen.has(`${mpage}:${mcid}`)) problems.push(`MCID ${mpage}:${mcid} belongs to two elements`);
          seen.add(`${mpage}:${mcid}`);
        } else if (type === 'OBJR') {
          // An annotation's place in the structure.
        } else {
          visit(kid instanceof PDFRef ? kid : undefined, value, ref ?? dict, page, node.kids);
        }
      }
    }
  };
  const top = root.lookup(PDFName.of('K'));
  const tops = top instanceof PDFArray ? top.asArray() : [root.get(PDFName.of('K'))];
  for (const t of tops) if (t instanceof PDFRef) visit(t, doc.context.lookup(t) as PDFDict, root, undefined, walked.tree);
  const total = [...contentMcids.values()].reduce((n, s) => n + s.size, 0);
  if (seen.size !== total) problems.push(`${total - seen.size} MCIDs of the content belong to no element`);
  return walked;
}
