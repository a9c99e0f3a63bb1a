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
import { walkTaggedPdf } from '../../helpers/pdf-structure.js';
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
      const text = fold(lines(structText(`${lang}/concept-note.pdf`)).join(' '));
      const store = parsePo(readFileSync(path.join(PROJECT, 'translations', `${lang}.po`), 'utf8')).catalog!;
      const paragraphs = store.entries.filter((e) => !e.obsolete && e.msgctxt === 'concept-note' && e.msgstr[0] && !/[*[\]`_]/.test(e.msgstr[0]) && e.msgstr[0].length > 60);
      expect(paragraphs.length).toBeGreaterThan(5);
      let at = 0;
      for (const entry of paragraphs) {
        // The first eight words of each paragraph (a hyphenated word would break them: short ones are rare).
        const start = fold(entry.msgstr[0]!).split(' ').slice(0, 8).join(' ');
        const found = text.indexOf(start, at);
        expect(found, `${lang}: "${start}"`).toBeGreaterThanOrEqual(at);
        expect(text.indexOf(start, found + 1), `${lang}: "${start}" twice`).toBe(-1);
        at = found;
      }
    }
  });

  it('nests each footnote after the paragraph that refers to it, its number as the note\'s label', () => {
    if (!hasTool('pdfinfo')) return;
    const text = structText('en/handbook.pdf');
    const reference = text.indexOf('Reference (inline)');
    expect(reference).toBeGreaterThan(0);
    const note = text.indexOf('Note', reference);
    expect(note).toBeGreaterThan(reference);
    expect(text.slice(note, note + 200)).toMatch(/Lbl[^\n]*\n\s*"1"/);
  });
});
