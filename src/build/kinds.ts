/** What a build can make: the kinds of documents and the formats. */
export const OUTPUT_KINDS = ['agenda', 'concept-note', 'briefs', 'handbook', 'invitations', 'packs', 'nominations'] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];
export const FORMATS = ['pdf', 'docx'] as const;
export type Format = (typeof FORMATS)[number];
