/**
 * The PDF outline (bookmarks), nested by heading level (PDF 1.7 §12.3.3).
 */
import { PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, PDFRef, type PDFDict } from 'pdf-lib';

export interface OutlineEntry {
  title: string;
  level: number;
  pageRef: PDFRef;
  /** y of the heading's top on its page. */
  top: number;
}

interface Node {
  entry?: OutlineEntry;
  ref: PDFRef;
  children: Node[];
  parent?: Node;
}

export function writeOutline(doc: PDFDocument, entries: OutlineEntry[]): void {
  if (entries.length === 0) return;
  const context = doc.context;
  const root: Node = { ref: context.nextRef(), children: [] };
  const stack: { level: number; node: Node }[] = [{ level: 0, node: root }];
  for (const entry of entries) {
    while (stack.length > 1 && stack[stack.length - 1]!.level >= entry.level) stack.pop();
    const parent = stack[stack.length - 1]!.node;
    const node: Node = { entry, ref: context.nextRef(), children: [], parent };
    parent.children.push(node);
    stack.push({ level: entry.level, node });
  }
  const count = (node: Node): number => node.children.reduce((sum, c) => sum + 1 + count(c), 0);
  const emit = (node: Node) => {
    node.children.forEach((child, i) => {
      const e = child.entry!;
      const dict: Record<string, unknown> = {
        Title: PDFHexString.fromText(e.title),
        Parent: node.ref,
        Dest: context.obj([e.pageRef, PDFName.of('XYZ'), PDFNull, PDFNumber.of(Math.round(e.top)), PDFNull]),
      };
      if (i > 0) dict.Prev = node.children[i - 1]!.ref;
      if (i < node.children.length - 1) dict.Next = node.children[i + 1]!.ref;
      if (child.children.length > 0) {
        dict.First = child.children[0]!.ref;
        dict.Last = child.children[child.children.length - 1]!.ref;
        // Open the first two levels; deeper ones start closed (negative count).
        dict.Count = PDFNumber.of(e.level <= 1 ? count(child) : -count(child));
      }
      context.assign(child.ref, context.obj(dict as never) as unknown as PDFDict);
      emit(child);
    });
  };
  emit(root);
  context.assign(
    root.ref,
    context.obj({
      Type: 'Outlines',
      First: root.children[0]!.ref,
      Last: root.children[root.children.length - 1]!.ref,
      Count: PDFNumber.of(count(root)),
    }),
  );
  doc.catalog.set(PDFName.of('Outlines'), root.ref);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
