/**
 * Images in a PDF, decoded once per process: every letter and pack cover of a build carries
 * the organisers' logos, and pdf-lib decodes a PNG (inflating and unfiltering it in
 * JavaScript) each time it is embedded — 0.3 s of the sample's cold build. pdf-lib's embedders
 * keep no state once made, so one decoded image serves every document; the bytes written are
 * those `embedPng`/`embedJpg` write.
 */
import { JpegEmbedder, PDFImage, PngEmbedder, type PDFDocument } from 'pdf-lib';
import { ByteMemo } from '../byte-memo.js';

type Embedder = PngEmbedder | JpegEmbedder;

/** Decoded images by their bytes (the estimate of their size: four bytes a byte of PNG). */
const decoded = new ByteMemo<Promise<Embedder>>((_, data) => 4 * data.length, 0);

/**
 * The images of one document: each embedded once, embedded into the file (its streams
 * written) by {@link ImageSet.finish}, in the order first drawn, as `doc.save()` would.
 */
export class ImageSet {
  private readonly images = new Map<Uint8Array, PDFImage>();

  constructor(private readonly doc: PDFDocument) {}

  async image(data: Uint8Array, format: 'png' | 'jpeg'): Promise<PDFImage> {
    let image = this.images.get(data);
    if (!image) {
      const embedder = await decoded.get(data, (bytes) => {
        const made: Promise<Embedder> = format === 'png' ? PngEmbedder.for(bytes) : JpegEmbedder.for(bytes);
        return made;
      });
      image = PDFImage.of(this.doc.context.nextRef(), this.doc, embedder);
      this.images.set(data, image);
    }
    return image;
  }

  /** Writes the images' streams; before `doc.save()`. */
  async finish(): Promise<void> {
    for (const image of this.images.values()) await image.embed();
  }
}
