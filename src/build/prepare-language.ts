/**
 * One language of a build, from the loaded kit to checked documents: composed, glyph-checked
 * (which also tells which font faces each document needs), its translation store checked, its
 * nomination forms planned. Languages are prepared one by one, so that an incremental build
 * prepares only the languages whose files changed.
 */
import { checkGlossary, termPairs } from '../translate/glossary.js';
import { ContentError, sortDiagnostics, UsageError, type Diagnostic } from '../diagnostics/diagnostic.js';
import path from 'node:path';
import type { FontFace } from '../text/font-face.js';
import { languageScript } from '../config/languages.js';
import { faceHash, hashFile, hashFolder } from './fingerprint.js';
import type { FontLibrary } from '../text/fonts.js';
import { checkStore } from '../translate/qa.js';
import { storeFile } from '../translate/store.js';
import type { PublishPolicy } from '../translate/translator.js';
import { checkGlyphs } from './check-glyphs.js';
import { checkTables } from './check-tables.js';
import { checkSourceLanguage, telltaleWords } from './check-language.js';
import type { CheckedDocument, Licence } from './jobs.js';
import { licencesOf } from './jobs.js';
import { availableLanguages, composeKit, loadKit, placeInData, type Kit, type PackTexts } from './load-kit.js';
import { planNominations, type PlannedForm } from './nomination-jobs.js';
import { planBadges, type PlannedBadges } from './badge-jobs.js';
import type { OutputKind } from './plan.js';

export interface PreparedLanguage {
  lang: string;
  documents: CheckedDocument[];
  forms: PlannedForm[];
  badges: PlannedBadges[];
  packTexts?: PackTexts;
  diagnostics: Diagnostic[];
  /**
   * Files read besides the project's (images, font files, licence texts; font folders, ending
   * in "/"), by absolute path, with the hash of what was read (folders: of their listing).
   */
  dependencies: Map<string, string>;
  /** The licences of the font families its documents use. */
  licences: Licence[];
}

export async function prepareLanguage(kit: Kit, lang: string, kinds: readonly OutputKind[], policy: PublishPolicy, fonts: FontLibrary): Promise<PreparedLanguage> {
  const composed = composeKit(kit, [lang], kinds, policy);
  const diagnostics: Diagnostic[] = [...composed.diagnostics];
  const allFaces = new Set<FontFace>();
  // The page furniture (running heads, page numbers) is set in the primary faces of the language's script.
  const script = languageScript(lang);
  const furniture = (['serif', 'sans'] as const).map((family) => fonts.primaryFace({ family, bold: false, italic: false }, script));
  const source = kit.config.event.languages[0]!;
  const store = kit.stores.get(lang);
  const telltale = lang !== source && store ? telltaleWords(store) : new Set<string>();
  // What participants wrote of themselves (functions, organisations) prints as written, in any language.
  for (const p of kit.participants) {
    for (const value of [p.name, p.function, p.organisation, p.nationality ?? '', p.embassy ?? '']) {
      for (const w of value.match(/[\p{L}\p{M}]+/gu) ?? []) telltale.delete(w.toLowerCase());
    }
  }
  const documents: CheckedDocument[] = composed.documents.map((d) => {
    const faces = new Set<FontFace>(furniture);
    diagnostics.push(...checkGlyphs(d.model, fonts, d.plan.path, faces, (ch) => placeInData(kit, ch)));
    diagnostics.push(...checkTables(d.model));
    diagnostics.push(...checkSourceLanguage(d.model, telltale, d.plan.path, source, policy.strict));
    for (const f of faces) allFaces.add(f);
    return { ...d, faces };
  });
  if (store) diagnostics.push(...checkStore(store, lang, storeFile(lang)), ...checkGlossary(store, termPairs(kit.glossary, source, lang), storeFile(lang)));
  const forms = kinds.includes('nominations') ? planNominations(kit, composed.localisations) : [];
  for (const form of forms) {
    for (const f of furniture) form.faces.add(f);
    diagnostics.push(...checkGlyphs(form.checkModel, fonts, form.path, form.faces, (ch) => placeInData(kit, ch)));
    diagnostics.push(...checkSourceLanguage(form.checkModel, telltale, form.path, source, policy.strict));
    for (const f of form.faces) allFaces.add(f);
  }
  const planned = kinds.includes('badges') ? planBadges(kit, composed.localisations, fonts) : { badges: [], diagnostics: [] };
  diagnostics.push(...planned.diagnostics);
  for (const b of planned.badges) for (const f of b.faces) allFaces.add(f);
  const dependencies = new Map<string, string>(composed.reads);
  for (const face of allFaces) dependencies.set(face.file, faceHash(face));
  for (const face of allFaces) if (face.licenceFile) dependencies.set(face.licenceFile, await hashFile(face.licenceFile));
  for (const dir of fonts.packageDirs()) dependencies.set(`${dir}${path.sep}`, await hashFolder(dir));
  const packTexts = composed.packTexts.get(lang);
  return { lang, documents, forms, badges: planned.badges, ...(packTexts ? { packTexts } : {}), diagnostics, dependencies, licences: licencesOf(allFaces) };
}

/** Loads the kit (every error stops here) and resolves the languages asked for. */
export async function loadChecked(root: string, asked: string[] | undefined): Promise<{ kit: Kit; diagnostics: Diagnostic[]; langs: string[]; available: string[] }> {
  const loaded = await loadKit(root);
  if (!loaded.kit) throw new ContentError(sortDiagnostics(loaded.diagnostics));
  const available = availableLanguages(loaded.kit);
  const langs = asked ?? available;
  for (const lang of langs) {
    if (!loaded.kit.config.event.languages.includes(lang)) {
      throw new UsageError(`--lang ${lang}: the seminar's languages are ${loaded.kit.config.event.languages.join(', ')}.`);
    }
    if (!available.includes(lang)) {
      throw new UsageError(`--lang ${lang}: there is no translations/${lang}.po yet (run \`folio extract\` to create it); folio can build ${available.join(', ')}.`);
    }
  }
  return { kit: loaded.kit, diagnostics: loaded.diagnostics, langs, available };
}
