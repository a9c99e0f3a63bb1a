/**
 * Reads and checks everything a build needs (configuration, sources, templates) and turns
 * each planned document into a document model. Nothing is written here.
 */
import path from 'node:path';
import { loadConfig } from '../config/load-config.js';
import type { SeminarConfig } from '../config/types.js';
import { languageScript } from '../config/languages.js';
import { diagnostic, hasErrors, kitRelative, type Diagnostic, type SourcePlace } from '../diagnostics/diagnostic.js';
import { lineColumnAt } from '../input/bidi-controls.js';
import { loadSources, type SourceSet } from '../sources/load-sources.js';
import { DOCUMENT_TEMPLATES, loadTemplates, runTemplate, type TemplateOutput, type TemplateSet } from '../templates/engine.js';
import { composeDocument } from '../document/compose.js';
import type { DocumentModel } from '../document/model.js';
import { planDocuments, type Localisation, type OutputKind, type PlannedDocument } from './plan.js';
import type { SourceDocument } from '../sources/load-sources.js';
import type { PoCatalog } from '../translate/formats/po.js';
import { FOLIO_SOURCE_LANG, loadFolioWording, loadStore, sameLanguage, storeFile } from '../translate/store.js';
import { TranslationCatalog } from '../translate/catalog.js';
import { Translator, type PublishPolicy } from '../translate/translator.js';
import { translateSource } from '../translate/apply-sources.js';
import { configSegment } from '../translate/collect-segments.js';
import { formattingLocale } from '../templates/helpers.js';
import { compileMessage } from '../templates/messages.js';
import { messageSegment } from '../segments/segment.js';
import { readTextFile } from '../input/read-text.js';
import { LIMITS } from '../input/limits.js';
import { PARTICIPANTS_FILE } from '../nominations/participants-file.js';
import { personalValuesOf, readParticipants, redact, seatKindsOf, type Participant } from '../nominations/participants.js';
import { documentDate } from './document-date.js';
import { letterheadOf, loadLogos } from './letterhead.js';
import { loadGlossary } from '../translate/glossary.js';
import type { TermEntry } from '../translate/formats/tbx.js';

export interface Kit {
  /** The project folder (absolute): images are read only inside it, or in a folder of `files.allow`. */
  root: string;
  config: SeminarConfig;
  sources: SourceSet;
  templates: TemplateSet;
  /** Translations per target language (from translations/<lang>.po). */
  stores: Map<string, PoCatalog>;
  /** The concepts of translations/glossary.tbx (none without one), for the qa/glossary rule. */
  glossary: TermEntry[];
  /** folio's own texts in the source language, when it is not English (see loadFolioWording). */
  folioWording?: TranslationCatalog;
  /** Delegates from sources/participants.yaml (empty when the file does not exist). */
  participants: Participant[];
  /** The data files as read (configuration, participants), to place problems in data values. */
  dataTexts: { file: string; text: string }[];
}

/** Where a character is first written in the kit's data files (a value's place), if it is. */
export function placeInData(kit: Pick<Kit, 'dataTexts'>, ch: string): SourcePlace | undefined {
  for (const { file, text } of kit.dataTexts) {
    const index = text.indexOf(ch);
    if (index !== -1) return { file, ...lineColumnAt(text, index) };
  }
  return undefined;
}

export async function loadKit(root: string): Promise<{ kit?: Kit; diagnostics: Diagnostic[] }> {
  const configFile = path.join(root, 'sources', 'seminar.yaml');
  // The configuration is checked against the sources' themes: it is read once they are.
  const sourcesLoading = loadSources(root);
  const [configResult, sourcesResult, templatesResult] = await Promise.all([
    sourcesLoading.then((s) => loadConfig(configFile, { themes: s.sources.themes.map((t) => t.number) })),
    sourcesLoading,
    loadTemplates(root),
  ]);
  // A template of the kit's that no declared document names is not read (a draft, an old file).
  const named = new Set((configResult.config?.documents ?? []).map((d) => d.template));
  const unused = new Set(templatesResult.extras.filter((name) => !named.has(name)));
  for (const name of unused) templatesResult.set.templates.delete(name);
  const templateDiagnostics = templatesResult.diagnostics.filter((d) => ![...unused].some((name) => d.file === `templates/${name}.md.hbs`));
  const diagnostics = [...configResult.diagnostics.map((d) => kitRelative(root, d)), ...sourcesResult.diagnostics, ...templateDiagnostics];
  const stores = new Map<string, PoCatalog>();
  const config = configResult.config;
  for (const d of config?.documents ?? []) {
    if ((DOCUMENT_TEMPLATES as readonly string[]).includes(d.template)) {
      diagnostics.push(kitRelative(root, diagnostic(d.place, 'error', 'config/document-template',
        `The document ${d.name} names ${d.template}, one of folio's own templates, written for its own kind of document: give the document a template of its own (templates/<name>.md.hbs).`)));
      continue;
    }
    if (templatesResult.set.templates.has(d.template)) continue;
    diagnostics.push(kitRelative(root, diagnostic(d.place, 'error', 'config/document-template',
      `The document ${d.name} needs the template templates/${d.template}.md.hbs, which the kit does not have: write it (Markdown with Handlebars, like the other templates), or name an existing one with \`template:\`.`)));
  }
  if (config) {
    for (const lang of config.event.languages.slice(1)) {
      const store = await loadStore(root, lang);
      diagnostics.push(...store.diagnostics);
      if (store.catalog) stores.set(lang, store.catalog);
    }
  }
  const glossary = await loadGlossary(root);
  diagnostics.push(...glossary.diagnostics);
  let folioWording: TranslationCatalog | undefined;
  const sourceLang = config?.event.languages[0];
  if (sourceLang !== undefined && !sameLanguage(sourceLang, FOLIO_SOURCE_LANG)) {
    const wording = await loadFolioWording(root, sourceLang);
    // A memory that cannot be read is an error of `folio extract`; the build carries on without it.
    diagnostics.push(...wording.diagnostics.map((d) => ({ ...d, severity: 'warning' as const })));
    folioWording = TranslationCatalog.fromPairs(sourceLang, 'translations/memory', wording.pairs);
  }
  const dataTexts = configResult.text === undefined ? [] : [{ file: 'sources/seminar.yaml', text: configResult.text }];
  const participants = await loadParticipants(root, diagnostics, config, dataTexts);
  if (hasErrors(diagnostics) || !config) return { diagnostics };
  return { kit: { root: path.resolve(root), config, sources: sourcesResult.sources, templates: templatesResult.set, stores, glossary: glossary.entries, ...(folioWording && { folioWording }), participants, dataTexts }, diagnostics };
}

async function loadParticipants(root: string, diagnostics: Diagnostic[], config: SeminarConfig | undefined, dataTexts: Kit['dataTexts']): Promise<Participant[]> {
  const file = await readTextFile(path.join(root, PARTICIPANTS_FILE), PARTICIPANTS_FILE, LIMITS.configBytes, 'participants file');
  if ('missing' in file) return [];
  if ('diagnostic' in file) { diagnostics.push(file.diagnostic); return []; }
  dataTexts.push({ file: PARTICIPANTS_FILE, text: file.text });
  const rules = config ? {
    languages: config.event.languages, countries: config.countries.map((c) => c.code), kinds: seatKindsOf(config),
    countryKinds: (code: string) => config.countries.find((c) => c.code === code)?.seats.map((s) => s.kind),
  } : undefined;
  const read = readParticipants(file.text, PARTICIPANTS_FILE, rules);
  diagnostics.push(...read.diagnostics);
  return read.participants ?? [];
}

/** The source language, then every language that has a translation store. */
export function availableLanguages(kit: Kit): string[] {
  const [source, ...others] = kit.config.event.languages;
  return [source!, ...others.filter((l) => kit.stores.has(l))];
}

export interface ComposedDocument {
  plan: PlannedDocument;
  model: DocumentModel;
  /** What the template produced (Markdown with literal-value tokens), before it became the model. */
  output: TemplateOutput;
}

const NO_POLICY: PublishPolicy = { allowFuzzy: false, strict: false };

/** The Intl locale of a language: `event.locales` in the configuration, else a default. */
export function localeOf(config: SeminarConfig, lang: string): string {
  return config.event.locales?.[lang] ?? formattingLocale(lang);
}

/** Texts the pack assembler prints itself, per language. */
export interface PackTexts {
  contents: string;
  blank: string;
  agenda: string;
  practical: string;
  footer: string;
}

export function composeKit(
  kit: Kit,
  langs: string[],
  kinds: readonly OutputKind[],
  policy: PublishPolicy = NO_POLICY,
): { documents: ComposedDocument[]; diagnostics: Diagnostic[]; packTexts: Map<string, PackTexts>; localisations: Map<string, Localisation>; reads: Map<string, string> } {
  const diagnostics: Diagnostic[] = [];
  const documents: ComposedDocument[] = [];
  const packTexts = new Map<string, PackTexts>();
  const localisations = new Map<string, Localisation>();
  const reads = new Map<string, string>();
  const seen = new Set<string>();
  // A template's message may quote a value it was given: a participant's never reaches the user.
  const personal = personalValuesOf(kit.participants);
  const report = (list: Diagnostic[]) => {
    // One template error is reported once, not once per document that uses the template.
    for (const d of redact(list, personal)) {
      const key = `${d.file}:${d.line}:${d.column}:${d.rule}:${d.message}`;
      if (!seen.has(key)) { seen.add(key); diagnostics.push(d); }
    }
  };
  const date = documentDate(kit.config);
  const author = kit.config.event.organisers.map((o) => o.short).join(', ');
  const sourceLang = kit.config.event.languages[0]!;
  const logos = loadLogos(kit.config, kit.root, reads);
  report(logos.diagnostics);
  for (const lang of langs) {
    const store = kit.stores.get(lang);
    const translator = lang === sourceLang
      ? new Translator(lang, kit.folioWording, policy, { folioOnly: true })
      : new Translator(lang, !store ? undefined : TranslationCatalog.fromPo(lang, storeFile(lang), store), policy);
    const locale = localeOf(kit.config, lang);
    const sources = translateSources(kit.sources, translator, report);
    const message = (template: string, source: string, args: Record<string, string | number> = {}) =>
      formatMessage(translator, `template:${template}`, source, args, locale, report);
    const loc: Localisation = { lang, locale, tr: (text) => translator.text(configSegment(text)), message, participants: kit.participants };
    localisations.set(lang, loc);
    const letterhead = letterheadOf(kit.config, logos.logos, loc.tr);
    const footer = formatMessage(translator, 'layout', 'Page {page} of {pages}', { page: '{page}', pages: '{pages}' }, locale, report);
    if (kinds.includes('packs')) {
      packTexts.set(lang, {
        contents: message('pack', 'Contents'),
        blank: message('pack', 'This page is intentionally left blank'),
        agenda: message('agenda', 'Agenda'),
        practical: message('practical-information', 'Practical information'),
        footer: formatMessage(translator, 'layout', 'Page {page}', { page: '{page}' }, locale, report),
      });
    }
    const typesetting = kit.config.event.typesetting?.[lang];
    // Text in another script is taken to be in the seminar's first language written in it.
    const scriptLanguages: Record<string, string> = {};
    for (const l of kit.config.event.languages) scriptLanguages[languageScript(l)] ??= l;
    for (const plan of planDocuments(kit.config, sources, loc, kinds)) {
      const run = runTemplate(kit.templates, plan.template, plan.context, { lang, locale, translator });
      report(run.diagnostics);
      if (!run.output) continue;
      const composed = composeDocument({
        kind: plan.kind,
        templateFile: `templates/${plan.template}.md.hbs`,
        output: run.output,
        meta: { title: plan.title, subject: plan.subject, author, lang, locale, date, keywords: [plan.kind], scriptLanguages, ...(typesetting && { typesetting }) },
        header: plan.header,
        ...(plan.continuation ? { continuation: plan.continuation } : {}),
        footer,
        reads,
        root: kit.root,
        allow: kit.config.files?.allow,
        ...(letterhead ? { letterhead } : {}),
        ...(plan.page ? { page: plan.page } : {}),
      });
      report(composed.diagnostics);
      if (composed.model) documents.push({ plan, model: composed.model, output: run.output });
    }
    report(translator.diagnostics());
  }
  return { documents, diagnostics, packTexts, localisations, reads };
}

function translateSources(set: SourceSet, translator: Translator, report: (d: Diagnostic[]) => void): SourceSet {
  const one = (doc: SourceDocument) => {
    const result = translateSource(doc, translator);
    report(result.diagnostics);
    return result.doc;
  };
  return {
    ...(set.conceptNote ? { conceptNote: one(set.conceptNote) } : {}),
    themes: set.themes.map(one),
    chapters: set.chapters.map(one),
  };
}

/** A message outside templates (layout, metadata), translated and formatted. */
function formatMessage(translator: Translator, context: string, source: string, args: Record<string, string | number>, locale: string, report: (d: Diagnostic[]) => void): string {
  const segment = messageSegment(context, source, { file: 'src/build/layout-messages', line: 1, column: 1 });
  const text = translator.text(segment);
  try {
    return String(compileMessage(text, locale).format(args));
  } catch (error) {
    report([diagnostic(segment.place, 'error', 'translate/icu-syntax', `The ${translator.lang} translation of "${source}" is not valid ICU MessageFormat: ${error instanceof Error ? error.message : String(error)}.`)]);
    return String(compileMessage(source, locale).format(args));
  }
}
