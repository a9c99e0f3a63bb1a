/** Where `folio nominations collect` keeps the delegates (read by the build for personalised packs). */
export const PARTICIPANTS_FILE = 'sources/participants.yaml';
