/**
 * Reads and checks everything a build needs (configuration, sources, templates) and turns
 * each planned document into a document model. Nothing is written here.
 */
import path from 'node:path';
import { loadConfig } from '../config/load-config.js';
import type { SeminarConfig } from '../config/types.js';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadSources, type SourceSet } from '../sources/load-sources.js';
import { loadTemplates, runTemplate, type TemplateSet } from '../templates/engine.js';
import { composeDocument } from '../document/compose.js';
import type { DocumentModel } from '../document/model.js';
import { planDocuments, type OutputKind, type PlannedDocument } from './plan.js';
import { documentDate } from './document-date.js';

export interface Kit {
  config: SeminarConfig;
  sources: SourceSet;
  templates: TemplateSet;
}

export async function loadKit(root: string): Promise<{ kit?: Kit; diagnostics: Diagnostic[] }> {
  const configFile = path.join(root, 'sources', 'seminar.yaml');
  const [configResult, sourcesResult, templatesResult] = await Promise.all([
    loadConfig(configFile),
    loadSources(root),
    loadTemplates(root),
  ]);
  const relativize = (d: Diagnostic): Diagnostic => ({
    ...d,
    file: path.isAbsolute(d.file) ? path.relative(root, d.file).split(path.sep).join('/') : d.file,
  });
  const diagnostics = [...configResult.diagnostics.map(relativize), ...sourcesResult.diagnostics, ...templatesResult.diagnostics];
  if (hasErrors(diagnostics) || !configResult.config) return { diagnostics };
  return { kit: { config: configResult.config, sources: sourcesResult.sources, templates: templatesResult.set }, diagnostics };
}

/** The languages a kit can be built in today: the source language (translations come later). */
export function availableLanguages(config: SeminarConfig): string[] {
  return config.event.languages.slice(0, 1);
}

export interface ComposedDocument {
  plan: PlannedDocument;
  model: DocumentModel;
}

export function composeKit(kit: Kit, langs: string[], kinds: readonly OutputKind[]): { documents: ComposedDocument[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const documents: ComposedDocument[] = [];
  const seen = new Set<string>();
  const date = documentDate(kit.config);
  const author = kit.config.event.organisers.map((o) => o.short).join(', ');
  for (const plan of planDocuments(kit.config, kit.sources, langs, kinds)) {
    const run = runTemplate(kit.templates, plan.template, plan.context, plan.lang);
    // One template error is reported once, not once per document that uses the template.
    for (const d of run.diagnostics) {
      const key = `${d.file}:${d.line}:${d.column}:${d.rule}`;
      if (!seen.has(key)) { seen.add(key); diagnostics.push(d); }
    }
    if (!run.output) continue;
    const composed = composeDocument({
      kind: plan.kind,
      templateFile: `templates/${plan.template}.md.hbs`,
      output: run.output,
      meta: { title: plan.title, subject: plan.subject, author, lang: plan.lang, date, keywords: [plan.kind] },
      header: plan.header,
      footer: 'Page {page} of {pages}',
    });
    for (const d of composed.diagnostics) {
      const key = `${d.file}:${d.line}:${d.column}:${d.rule}`;
      if (!seen.has(key)) { seen.add(key); diagnostics.push(d); }
    }
    if (composed.model) documents.push({ plan, model: composed.model });
  }
  if (documents.length === 0 && diagnostics.length === 0) {
    diagnostics.push(diagnostic({ file: 'sources/seminar.yaml' }, 'warning', 'build/empty', 'Nothing to build for the languages and kinds asked for.'));
  }
  return { documents, diagnostics };
}
