/**
 * `folio export`: a language's units in the format a translator's tool reads.
 */
import { ContentError, hasErrors, UsageError } from '../diagnostics/diagnostic.js';
import { loadConfig } from '../config/load-config.js';
import path from 'node:path';
import { writePo, type PoCatalog } from './formats/po.js';
import { writeXliff12, type UntranslatedTarget } from './formats/xliff12.js';
import { writeXliff2 } from './formats/xliff2.js';
import { writeTmx } from './formats/tmx.js';
import { writeTbx } from './formats/tbx.js';
import { loadGlossary } from './glossary.js';
import { loadStore, storeFile } from './store.js';
import { storeToExchange, storeToMemory } from './exchange-units.js';
import { stateOf } from './status.js';

import { EXPORT_FORMATS, type ExportFormat } from './exchange-formats.js';

export { EXPORT_FORMATS, type ExportFormat };

export async function exportTranslations(options: { root: string; lang: string; format: ExportFormat; onlyTodo: boolean; untranslated?: UntranslatedTarget; tags?: 'tmx' | 'omegat' }): Promise<{ text: string; units: number }> {
  const config = await loadConfig(path.join(options.root, 'sources', 'seminar.yaml'));
  if (!config.config) throw new ContentError(config.diagnostics);
  const [sourceLang, ...targets] = config.config.event.languages;
  if (!targets.includes(options.lang)) throw new UsageError(`--lang ${options.lang}: translations are kept for ${targets.join(', ')}.`);
  const store = await loadStore(options.root, options.lang);
  if (hasErrors(store.diagnostics)) throw new ContentError(store.diagnostics);
  if (!store.catalog) throw new UsageError(`${storeFile(options.lang)} does not exist yet: run \`folio extract\` first.`);
  const catalog = store.catalog;
  switch (options.format) {
    case 'po': {
      const entries = catalog.entries.filter((e) => !e.obsolete && (!options.onlyTodo || stateOf(e) !== 'translated'));
      const copy: PoCatalog = { ...catalog, entries };
      return { text: writePo(copy), units: entries.length };
    }
    case 'xliff12':
    case 'xliff2': {
      const file = storeToExchange(catalog, sourceLang!, options.lang, options.onlyTodo);
      return { text: options.format === 'xliff12' ? writeXliff12(file, { untranslated: options.untranslated ?? 'source' }) : writeXliff2(file), units: file.units.length };
    }
    case 'tbx': {
      // The kit's glossary (all its languages), for a terminology tool: empty when there is none.
      const glossary = await loadGlossary(options.root);
      if (hasErrors(glossary.diagnostics)) throw new ContentError(glossary.diagnostics);
      return { text: writeTbx(glossary.entries, sourceLang!), units: glossary.entries.length };
    }
    case 'tmx': {
      const memory = storeToMemory(catalog, sourceLang!, options.lang);
      return { text: writeTmx(memory, { tags: options.tags ?? 'tmx' }), units: memory.entries.length };
    }
  }
}
