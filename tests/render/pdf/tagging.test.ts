/**
 * Tagged PDF (issue 14): every PDF of the sample's documents and packs walked from outside
 * (tests/helpers/pdf-structure.ts): text only in marked content or artifacts, every MCID in the
 * parent tree and in one element, parents set, figures with Alt, header cells with Scope, links
 * in the structure and described; and the structure read back by poppler (pdfinfo -struct-text)
 * in the order of the sources, Arabic in logical order.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePo } from '../../../src/translate/formats/po.js';
import { renderPdf } from '../../../src/render/pdf/render-pdf.js';
import { FontLibrary } from '../../../src/text/fonts.js';
import type { DocumentModel } from '../../../src/document/model.js';
import { walkTaggedPdf, type StructTree } from '../../helpers/pdf-structure.js';
import { PROJECT, fold, hasTool, sharedBuild } from '../../helpers/kit.js';

interface Report { outputs: { path: string; kind: string; lang: string; format: string }[] }

let out: string;
let report: Report;
beforeAll(() => {
  const shared = sharedBuild<Report>();
  out = shared.out;
  report = shared.report;
});

/** The documents folio tags: every PDF but the name badges (cards laid out apart). */
const tagged = () => report.outputs.filter((o) => o.format === 'pdf' && o.kind !== 'badges');

describe('tagged PDF, walked from outside', () => {
  it('every document and pack, in every language: marked content, parent tree and structure agree', async () => {
    const files = tagged();
    expect(files.length).toBeGreaterThan(40);
    const failures: string[] = [];
    const roles = new Set<string>();
    for (const file of files) {
      const walked = await walkTaggedPdf(new Uint8Array(readFileSync(path.join(out, file.path))));
      for (const p of walked.problems) failures.push(`${file.path}: ${p}`);
      if (walked.mcids === 0) failures.push(`${file.path}: nothing marked as content`);
      for (const r of walked.roles) roles.add(r);
    }
    expect(failures.slice(0, 20)).toEqual([]);
    for (const role of ['Document', 'Sect', 'H1', 'H2', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Figure', 'Note', 'Reference', 'TOC', 'TOCI', 'Link', 'Form']) {
      expect(roles, role).toContain(role);
    }
  });

  it('marks words in another script with their language: Latin in Arabic is English, Arabic in English is Arabic', async () => {
    const spans = (tree: StructTree[]): string[] => tree.flatMap((n) => [...(n.role === 'Span' && n.lang ? [n.lang] : []), ...spans(n.kids)]);
    const arabic = spans((await walkTaggedPdf(new Uint8Array(readFileSync(path.join(out, 'ar/concept-note.pdf'))))).tree);
    expect(arabic.length).toBeGreaterThan(5);
    expect(new Set(arabic)).toEqual(new Set(['en']));
    // A made-up English page quoting Arabic: the seminar's Arabic-script language, else Arabic.
    const fonts = await FontLibrary.load();
    const page = (scriptLanguages?: Record<string, string>): DocumentModel => ({
      kind: 'test', origin: 'test', direction: 'ltr', header: 'H', footer: '{page}', footnotes: [],
      meta: { title: 'T', author: 'A', lang: 'en', date: new Date('2027-01-11T00:00:00Z'), ...(scriptLanguages ? { scriptLanguages } : {}) },
      blocks: [{ type: 'paragraph', role: 'body', children: [{ type: 'text', value: 'The word سلام (salam) means peace, and so does שלום.' }] }],
    });
    const quoted = async (model: DocumentModel) => spans((await walkTaggedPdf((await renderPdf(model, fonts)).bytes)).tree);
    expect(await quoted(page())).toEqual(['ar', 'he']);
    expect(await quoted(page({ Arab: 'fa', Latn: 'en' }))).toEqual(['fa', 'he']);
  });

  it('a made-up page: a note referred to in a table follows the table, empty cells keep their column, a reference inside a note is a Reference', async () => {
    const fonts = await FontLibrary.load();
    const t = (value: string) => ({ type: 'text' as const, value });
    const model: DocumentModel = {
      kind: 'test', origin: 'test', direction: 'ltr', header: 'H', footer: '{page}',
      meta: { title: 'T', author: 'A', lang: 'en', date: new Date('2027-01-11T00:00:00Z') },
      blocks: [
        { type: 'table', style: 'grid', align: [null, null], header: [[t('A')], [t('B'), { type: 'footnoteRef', number: 1 }]], rows: [[[], [t('only right')]]] },
        { type: 'paragraph', role: 'body', children: [t('After the table.')] },
      ],
      footnotes: [{ number: 1, children: [{ type: 'paragraph', role: 'body', children: [t('The note, which refers on'), { type: 'footnoteRef', number: 2 }, t('.')] }] }, { number: 2, children: [{ type: 'paragraph', role: 'body', children: [t('Second.')] }] }],
    };
    const { tree, problems } = await walkTaggedPdf((await renderPdf(model, fonts)).bytes);
    expect(problems).toEqual([]);
    const doc = tree[0]!;
    expect(doc.kids.map((k) => k.role).slice(0, 3)).toEqual(['Table', 'Note', 'P']);
    const rows = doc.kids[0]!.kids;
    expect(rows.map((r) => r.kids.map((c) => c.role))).toEqual([['TH', 'TH'], ['TD', 'TD']]);
    const firstNote = doc.kids[1]!.kids[0]!;
    expect(firstNote.kids.map((k) => k.role)).toEqual(['Lbl', 'Reference']);
  });

  it('running heads, page numbers and rules are artifacts, not content', async () => {
    const walked = await walkTaggedPdf(new Uint8Array(readFileSync(path.join(out, 'en/handbook.pdf'))));
    // One running header and one footer per page at least.
    expect(walked.artifactTexts).toBeGreaterThanOrEqual(walked.doc.getPageCount() * 2 - 2);
  });
});

describe('the structure as poppler reads it (pdfinfo -struct-text)', () => {
  const structText = (file: string) => spawnSync('pdfinfo', ['-struct-text', path.join(out, file)], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout;
  const lines = (text: string) => [...text.matchAll(/^\s*"(.*)"$/gm)].map((m) => m[1]!);

  it('reads the concept note\'s paragraphs once each, in the order of the store, in French and in Arabic (logical order)', () => {
    if (!hasTool('pdfinfo')) return;
    for (const lang of ['fr', 'ar']) {
      // Compared without white space: a line's pieces (a Latin word in Arabic is a Span of its own) print apart.
      const bare = (t: string) => fold(t).replace(/\s+/g, '');
      const text = bare(lines(structText(`${lang}/concept-note.pdf`)).join(''));
      const store = parsePo(readFileSync(path.join(PROJECT, 'translations', `${lang}.po`), 'utf8')).catalog!;
      const paragraphs = store.entries.filter((e) => !e.obsolete && e.msgctxt === 'concept-note' && e.msgstr[0] && !/[*[\]`_]/.test(e.msgstr[0]) && e.msgstr[0].length > 60);
      expect(paragraphs.length).toBeGreaterThan(5);
      let at = 0;
      for (const entry of paragraphs) {
        // The first eight words of each paragraph (a hyphenated word would break them: short ones are rare).
        const start = bare(fold(entry.msgstr[0]!).split(' ').slice(0, 8).join(' '));
        const found = text.indexOf(start, at);
        expect(found, `${lang}: "${start}"`).toBeGreaterThanOrEqual(at);
        expect(text.indexOf(start, found + 1), `${lang}: "${start}" twice`).toBe(-1);
        at = found;
      }
    }
  });

  it('nests each footnote after the paragraph that refers to it, its number as the note\'s label', async () => {
    // Read from the tree (poppler's struct-text takes some 17 s on the handbook: it renders a page per MCID).
    const { tree } = await walkTaggedPdf(new Uint8Array(readFileSync(path.join(out, 'en/handbook.pdf'))));
    const notes: boolean[] = [];
    const walk = (kids: StructTree[]) => kids.forEach((k, i) => {
      if (k.role === 'Note') {
        const before = kids[i - 1];
        // After a paragraph (or a previous note) that refers to it; its first paragraph starts with its number.
        notes.push(!!before && (before.role === 'Note' || before.kids.some((c) => c.role === 'Reference')) && k.kids[0]?.kids[0]?.role === 'Lbl');
      }
      walk(k.kids);
    });
    walk(tree);
    expect(notes.length).toBeGreaterThan(5);
    expect(notes.every(Boolean)).toBe(true);
  });
});
