/** The exchange formats translators receive (`folio export --format`). */
export const EXPORT_FORMATS = ['po', 'xliff12', 'xliff2', 'tmx', 'tbx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
