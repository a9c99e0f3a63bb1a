/** Minimal declarations for bidi-js 1.x (UAX #9). Its `end` arguments are inclusive. */
declare module 'bidi-js' {
  export interface EmbeddingLevels {
    /** One level per UTF-16 code unit; odd = right-to-left. */
    levels: Uint8Array;
    /** Paragraphs split at type-B characters; `end` is inclusive. */
    paragraphs: { start: number; end: number; level: number }[];
  }

  export interface Bidi {
    getEmbeddingLevels(text: string, explicitDirection?: 'ltr' | 'rtl'): EmbeddingLevels;
    getReorderSegments(text: string, levels: EmbeddingLevels, start?: number, end?: number): [number, number][];
    /** Wants the whole result object (its `levels` field is read internally). */
    getMirroredCharactersMap(text: string, levels: EmbeddingLevels, start?: number, end?: number): Map<number, string>;
    getMirroredCharacter(char: string): string | null;
    getBidiCharTypeName(char: string): string;
  }

  export default function bidiFactory(): Bidi;
}
