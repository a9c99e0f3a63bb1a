/** What a build can make: the kinds of documents and the formats. */
/**
 * The kinds after `nominations` are made from sources/participants.yaml (none without it): the
 * list of participants, and per participant a certificate of attendance, a visa support letter
 * (for those with a passport number) and a name badge. `documents` are the kinds the
 * configuration declares (`documents:`).
 */
export const OUTPUT_KINDS = ['agenda', 'concept-note', 'briefs', 'handbook', 'invitations', 'packs', 'nominations', 'participants', 'certificates', 'visa-letters', 'badges', 'documents'] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];
export const FORMATS = ['pdf', 'docx'] as const;
export type Format = (typeof FORMATS)[number];
/** The standards PDFs are written to: tagged PDF/UA-1 with PDF/A-2b (the default), or none. */
export const PDF_STANDARDS = ['ua1+a2b', 'none'] as const;
export type PdfStandard = (typeof PDF_STANDARDS)[number];
