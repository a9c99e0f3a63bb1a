import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** folio's version: part of every output's inputs, so a new folio rebuilds everything. */
export const FOLIO_VERSION: string = (require('../../package.json') as { version: string }).version;
