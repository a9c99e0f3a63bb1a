/**
 * A code block → one paragraph in Source Code (monospace, shaded), left to right even
 * in a right-to-left document; lines are kept apart by breaks (`w:br`) and tabs by
 * `w:tab`, so the block stays one paragraph.
 */
import { Paragraph as DocxParagraph, Tab, TextRun, type ParagraphChild } from 'docx';
import type { CodeBlock } from '../../../document/model.js';
import { containerIndent, type BlockContext, type BodyChild } from '../context.js';
import { PARAGRAPH_STYLE } from '../styles.js';
import { textRuns } from '../text-runs.js';

export function renderCode(code: CodeBlock, ctx: BlockContext): BodyChild[] {
  const children: ParagraphChild[] = [];
  code.value.split('\n').forEach((line, index) => {
    if (index > 0) children.push(new TextRun({ break: 1 }));
    line.split('\t').forEach((piece, k) => {
      if (k > 0) children.push(new TextRun({ children: [new Tab()] }));
      children.push(...textRuns(piece, {}, ctx.doc, 'ltr'));
    });
  });
  const indent = containerIndent(ctx);
  return [
    new DocxParagraph({
      style: PARAGRAPH_STYLE.code,
      // The container's start side is the right in a right-to-left document.
      ...(indent > 0 ? { indent: ctx.doc.direction === 'rtl' ? { right: indent } : { left: indent } } : {}),
      children,
    }),
  ];
}
