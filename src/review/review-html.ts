/**
 * The review page of one language: a self-contained HTML file (its style and script inline, a
 * Content-Security-Policy that lets it load nothing else), every unit's source beside its
 * translation, grouped by document, with filters by state, document and QA findings.
 *
 * Every text from the kit is escaped here and nowhere else; the script reads the page's own
 * attributes and never writes markup.
 */
import { createHash } from 'node:crypto';
import { diffWords } from 'diff';
import { languageDirection, languageName } from '../config/languages.js';
import { termPattern } from '../translate/glossary.js';
import type { ReviewState, ReviewUnit } from './review-units.js';

export interface ReviewPage {
  lang: string;
  sourceLang: string;
  units: readonly ReviewUnit[];
  /** Link from the page to a PDF (the page lives in <out>/review/): `../fr/handbook.pdf`. */
  pdfHref: (pdf: string) => string;
}

const STATES: readonly ReviewState[] = ['untranslated', 'fuzzy', 'translated'];

const STYLE = `
:root { color-scheme: light; font-family: system-ui, sans-serif; font-size: 15px; }
body { margin: 0 auto; max-width: 78rem; padding: 0 1rem 4rem; line-height: 1.45; }
header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #ccc; padding: .5rem 0; z-index: 1; }
h1 { font-size: 1.3rem; margin: .3rem 0; }
h2 { font-size: 1.05rem; margin: 1.6rem 0 .4rem; }
fieldset { display: inline-flex; gap: .8rem; border: 0; padding: 0; margin: 0 1rem 0 0; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #ccc; padding: .35rem .5rem; vertical-align: top; text-align: start; overflow-wrap: anywhere; }
th { background: #f3f3f3; font-weight: 600; }
col.state { width: 13rem; }
.text { white-space: pre-wrap; }
.state { display: inline-block; padding: 0 .4rem; border-radius: .3rem; font-size: .85rem; }
.state-translated { background: #dff0d8; }
.state-fuzzy { background: #fcf0c8; }
.state-untranslated { background: #f6d5d5; }
mark.term { background: #dbe8ff; border-bottom: 1px dotted #36c; }
del { background: #f6d5d5; }
ins { background: #dff0d8; text-decoration: none; }
ul.findings { margin: .3rem 0 0; padding-inline-start: 1.1rem; font-size: .85rem; }
.finding-error { color: #a00; }
.meta { color: #555; font-size: .85rem; }
.plural { color: #555; font-size: .8rem; }
`;

const SCRIPT = `
(() => {
  const form = document.getElementById('filters');
  const apply = () => {
    const states = new Set(Array.from(form.querySelectorAll('input[name=state]:checked'), (i) => i.value));
    const doc = form.elements.namedItem('document').value;
    const qa = form.elements.namedItem('qa').checked;
    let shown = 0;
    for (const row of document.querySelectorAll('tr.unit')) {
      const visible = states.has(row.dataset.state) && (doc === '' || row.dataset.document === doc) && (!qa || row.dataset.qa === 'yes');
      row.hidden = !visible;
      if (visible) shown++;
    }
    for (const section of document.querySelectorAll('section.document')) {
      section.hidden = section.querySelector('tr.unit:not([hidden])') === null;
    }
    document.getElementById('shown').textContent = String(shown);
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  apply();
})();
`;

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export function reviewHtml(page: ReviewPage): string {
  const { lang, sourceLang, units } = page;
  const documents = [...new Set(units.map((u) => u.document))];
  const counts = Object.fromEntries(STATES.map((s) => [s, units.filter((u) => u.state === s).length])) as Record<ReviewState, number>;
  const withFindings = units.filter((u) => u.findings.length > 0).length;
  const title = `Review of the ${languageName(lang)} translation (${lang})`;
  const out: string[] = [];
  out.push('<!DOCTYPE html>', '<html lang="en" dir="ltr">', '<head>', '<meta charset="utf-8">');
  out.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${hash(STYLE)}; script-src ${hash(SCRIPT)}; img-src 'none'">`);
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">', '<meta name="generator" content="folio">');
  out.push(`<title>${escapeHtml(title)}</title>`, `<style>${STYLE}</style>`, '</head>', '<body>');
  out.push('<header>', `<h1>${escapeHtml(title)}</h1>`);
  out.push(`<p class="meta">${units.length} units: ${STATES.map((s) => `${counts[s]} ${s}`).join(', ')}; ${withFindings} with QA findings. Showing <output id="shown">${units.length}</output>.</p>`);
  out.push('<form id="filters">', '<fieldset><legend class="meta">State</legend>');
  for (const s of STATES) out.push(`<label><input type="checkbox" name="state" value="${s}" checked> ${s} (${counts[s]})</label>`);
  out.push('</fieldset>', '<label>Document <select name="document"><option value="">every document</option>');
  for (const d of documents) out.push(`<option value="${escapeHtml(d)}">${escapeHtml(d)}</option>`);
  out.push('</select></label>', ` <label><input type="checkbox" name="qa" value="yes"> only units with QA findings (${withFindings})</label>`, '</form>', '</header>', '<main>');
  const targetDir = languageDirection(lang);
  const sourceDir = languageDirection(sourceLang);
  for (const document of documents) {
    out.push(`<section class="document" data-document="${escapeHtml(document)}">`, `<h2>${escapeHtml(document)}</h2>`);
    out.push('<table>', '<colgroup><col><col><col class="state"></colgroup>');
    out.push(`<thead><tr><th scope="col">Source (${escapeHtml(languageName(sourceLang))})</th><th scope="col">Translation (${escapeHtml(languageName(lang))})</th><th scope="col">State</th></tr></thead>`, '<tbody>');
    for (const unit of units.filter((u) => u.document === document)) out.push(unitRow(unit, page, { sourceLang, sourceDir, targetDir }));
    out.push('</tbody>', '</table>', '</section>');
  }
  out.push('</main>', `<script>${SCRIPT}</script>`, '</body>', '</html>', '');
  return out.join('\n');
}

function unitRow(unit: ReviewUnit, page: ReviewPage, dirs: { sourceLang: string; sourceDir: string; targetDir: string }): string {
  const sourceTerms = unit.terms.map((t) => t.source);
  const targetTerms = unit.terms.flatMap((t) => t.targets);
  const attrs = `id="${unit.id}" class="unit" data-state="${unit.state}" data-document="${escapeHtml(unit.document)}" data-qa="${unit.findings.length > 0 ? 'yes' : 'no'}"`;
  const source: string[] = [];
  if (unit.previousSource !== undefined) {
    source.push(`<div class="text diff" title="changes since the translation was made">${diffHtml(unit.previousSource, unit.source)}</div>`);
  } else source.push(`<div class="text">${highlight(unit.source, sourceTerms)}</div>`);
  if (unit.sourcePlural !== undefined) source.push(`<div class="plural">plural:</div><div class="text">${highlight(unit.sourcePlural, sourceTerms)}</div>`);
  if (unit.context !== undefined) source.push(`<div class="meta">context: ${escapeHtml(unit.context)}</div>`);
  const target = unit.targets.length > 1
    ? unit.targets.map((t, i) => `<div class="plural">form ${i}</div><div class="text">${highlight(t, targetTerms)}</div>`).join('')
    : `<div class="text">${highlight(unit.targets[0] ?? '', targetTerms)}</div>`;
  const side: string[] = [`<span class="state state-${unit.state}">${unit.state}</span>`];
  if (unit.printed) {
    side.push(`<div><a class="printed" href="${escapeHtml(`${page.pdfHref(unit.printed.pdf)}#page=${unit.printed.page}`)}">${escapeHtml(unit.printed.pdf)}, page ${unit.printed.page}</a></div>`);
  }
  else side.push('<div class="meta">not found in the PDFs of this language (a form\'s wording, a document this kit does not make, or text printed only in some cases)</div>');
  side.push(`<div class="meta">${unit.references.map(escapeHtml).join('<br>')}</div>`);
  if (unit.terms.length > 0) {
    side.push(`<div class="meta">glossary: ${unit.terms.map((t) => `${escapeHtml(t.source)} → ${t.targets.map(escapeHtml).join(' / ')}`).join('; ')}</div>`);
  }
  if (unit.findings.length > 0) {
    side.push(`<ul class="findings">${unit.findings.map((f) => `<li class="finding-${f.severity}"><code>${escapeHtml(f.rule)}</code> ${escapeHtml(f.message)}</li>`).join('')}</ul>`);
  }
  return `<tr ${attrs}><td lang="${escapeHtml(dirs.sourceLang)}" dir="${dirs.sourceDir}">${source.join('')}</td><td lang="${escapeHtml(page.lang)}" dir="${dirs.targetDir}">${target}</td><td>${side.join('')}</td></tr>`;
}

/** The changes from the source a translation was made for to today's, word by word. */
function diffHtml(before: string, after: string): string {
  // A diff of long texts that share little is quadratic: past a bound, both are shown whole.
  if (before.length + after.length > 20_000) return `<del>${escapeHtml(before)}</del><ins>${escapeHtml(after)}</ins>`;
  return diffWords(before, after).map((part) => (part.added ? `<ins>${escapeHtml(part.value)}</ins>` : part.removed ? `<del>${escapeHtml(part.value)}</del>` : escapeHtml(part.value))).join('');
}

/** The text escaped, with the glossary's terms marked where they occur. */
export function highlight(text: string, terms: readonly string[]): string {
  const ranges: [number, number][] = [];
  for (const term of terms) {
    const pattern = new RegExp(termPattern(term).source, 'giu');
    for (const m of text.matchAll(pattern)) ranges.push([m.index, m.index + m[0].length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at) continue; // overlaps a term already marked
    out += `${escapeHtml(text.slice(at, start))}<mark class="term">${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return out + escapeHtml(text.slice(at));
}
