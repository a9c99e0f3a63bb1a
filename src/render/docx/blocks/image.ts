/**
 * An image → an inline picture (`wp:inline`, ECMA-376 §20.4.2.8) in a centred paragraph,
 * scaled down to fit the text width (and the page height), its alt text as the
 * drawing's description (`wp:docPr/@descr`).
 */
import { AlignmentType, ImageRun, Paragraph as DocxParagraph } from 'docx';
import type { ImageBlock } from '../../../document/model.js';
import { containerIndent, type BlockContext, type BodyChild } from '../context.js';
import { paragraphDirection } from '../direction.js';
import { TEXT_HEIGHT, TEXT_WIDTH, twipsToPixels } from '../page.js';

/** Leave room for a caption or a heading kept with the image. */
const MAX_HEIGHT_SHARE = 0.85;

/** The displayed size in pixels (96 to the inch): the intrinsic size, scaled down to fit. */
export function fitImage(width: number, height: number, maxWidth: number, maxHeight: number): { width: number; height: number } {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const scale = Math.min(1, maxWidth / w, maxHeight / h);
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}

export function renderImage(image: ImageBlock, ctx: BlockContext): BodyChild[] {
  const size = fitImage(
    image.width,
    image.height,
    twipsToPixels(TEXT_WIDTH - containerIndent(ctx)),
    twipsToPixels(TEXT_HEIGHT) * MAX_HEIGHT_SHARE,
  );
  // docx numbers drawings with a counter shared by the whole process; give our own so the output is reproducible.
  const id = ctx.doc.nextDrawingId();
  return [
    new DocxParagraph({
      ...paragraphDirection(ctx.doc.direction),
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: image.format === 'jpeg' ? 'jpg' : 'png',
          data: image.data,
          transformation: size,
          altText: { id: String(id), name: `Picture ${id}`, description: image.alt },
        }),
      ],
    }),
  ];
}
