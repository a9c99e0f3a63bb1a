/** The four fonts a DOCX names: one per script family, and one for code. */
export interface DocxFonts {
  latin: string;
  arabic: string;
  hebrew: string;
  mono: string;
}

/** The fonts folio ships (see the font packages in package.json). */
export const DEFAULT_FONTS: Readonly<DocxFonts> = Object.freeze({
  latin: 'Noto Serif',
  arabic: 'Amiri',
  hebrew: 'Noto Sans Hebrew',
  mono: 'Noto Sans Mono',
});
