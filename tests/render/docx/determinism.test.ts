import { describe, expect, it } from 'vitest';
import type { Block, DocumentModel } from '../../../src/document/model.js';
import { renderDocx } from '../../../src/render/docx/index.js';
import { dosDateTime, readZip } from '../../../src/render/docx/zip.js';
import { Unpacked, heading, makeArabicModel, makeModel, makePng, para, text } from './helpers.js';

/** A model with everything that docx numbers at random or from process-wide counters. */
function busyModel(seed: string, date = new Date('2025-03-14T09:30:00Z')): DocumentModel {
  const link = (url: string, label: string) => ({ type: 'link' as const, url, children: [text(label)] });
  const blocks: Block[] = [
    heading(1, `Programme ${seed}`, `programme-${seed}`),
    para([link(`https://example.org/${seed}/one`, 'one'), text(' and '), link(`https://example.org/${seed}/two`, 'two'), { type: 'footnoteRef', number: 1 }]),
    { type: 'image', data: makePng(3, 2, [10, 20, seed.length * 30]), format: 'png', alt: `first ${seed}`, width: 300, height: 200 },
    heading(2, `Venue ${seed}`, `venue-${seed}`),
    para([link('#venue-' + seed, 'to the venue'), text(' '), link(`mailto:${seed}@example.org`, 'mail')]),
    { type: 'image', data: makePng(2, 2, [200, 200, 0]), format: 'png', alt: 'second', width: 50, height: 50 },
  ];
  return makeModel(blocks, {
    header: `Header ${seed}`,
    footer: 'Page {page} of {pages}',
    footnotes: [{ number: 1, children: [para(['See ', link(`https://notes.example/${seed}`, 'the note')])] }],
    meta: { title: seed, author: 'Secretariat', lang: 'en', date },
  });
}

/** Checks that every relationship id a part uses is one its relationships part defines, with a real target. */
function expectRelationshipsResolve(docx: Unpacked): void {
  for (const [part, rels] of [
    ['word/document.xml', 'word/_rels/document.xml.rels'],
    ['word/footnotes.xml', 'word/_rels/footnotes.xml.rels'],
  ] as const) {
    const defined = docx.relationships(rels);
    const used = [...docx.part(part).matchAll(/\br:(?:id|embed)="([^"]+)"/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(0);
    for (const id of used) {
      const rel = defined.get(id);
      expect(rel, `${part} uses ${id}`).toBeDefined();
      if (rel!.mode !== 'External') expect(docx.parts.has(`word/${rel!.target}`), rel!.target).toBe(true);
    }
    for (const id of defined.keys()) expect(id).toMatch(/^rId\d+$/);
  }
}

describe('reproducible output', () => {
  it('gives byte-identical files for the same model, whatever was rendered before', async () => {
    const first = await renderDocx(busyModel('a'));
    await renderDocx(busyModel('other')); // moves docx's process-wide counters on
    const second = await renderDocx(busyModel('a'));
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it('gives byte-identical files when rendered concurrently', async () => {
    const [x, y] = await Promise.all([renderDocx(busyModel('a')), renderDocx(busyModel('a'))]);
    expect(Buffer.from(x).equals(Buffer.from(y))).toBe(true);
    const [p, q] = await Promise.all([renderDocx(makeArabicModel([para('نص')])), renderDocx(makeArabicModel([para('نص')]))]);
    expect(Buffer.from(p).equals(Buffer.from(q))).toBe(true);
  });

  it('keeps hyperlinks, images and notes resolving in two different documents', async () => {
    for (const seed of ['first', 'second-document']) {
      const docx = new Unpacked(await renderDocx(busyModel(seed)));
      expectRelationshipsResolve(docx);
      const targets = [...docx.relationships().values()].map((r) => r.target);
      expect(targets).toContain(`https://example.org/${seed}/one`);
      expect(targets).toContain(`https://example.org/${seed}/two`);
      expect(targets).toContain(`mailto:${seed}@example.org`);
      const drawingIds = [...docx.document.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1]);
      expect(drawingIds).toEqual(['1', '2']);
      const bookmarkIds = [...docx.document.matchAll(/<w:bookmarkStart [^>]*w:id="(\d+)"/g)].map((m) => m[1]);
      expect(bookmarkIds).toEqual(['1', '2']);
    }
  });

  it('dates the package and every zip entry with the model date, not the clock', async () => {
    const date = new Date('2024-11-02T16:45:30Z');
    const bytes = await renderDocx(busyModel('a', date));
    const docx = new Unpacked(bytes);
    expect(docx.part('docProps/core.xml')).toContain('2024-11-02T16:45:30Z');
    expect(docx.part('docProps/core.xml')).not.toMatch(/\.\d{3}Z/);

    const { date: dosDate, time: dosTime } = dosDateTime(date);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let at = 0;
    for (const _ of readZip(bytes)) {
      expect(view.getUint32(at, true)).toBe(0x04034b50);
      expect([view.getUint16(at + 10, true), view.getUint16(at + 12, true)]).toEqual([dosTime, dosDate]);
      at += 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true) + view.getUint32(at + 18, true);
    }
  });

  it('puts the content types first and the other parts in path order', async () => {
    const paths = readZip(await renderDocx(busyModel('a'))).map((e) => e.path);
    expect(paths.slice(0, 2)).toEqual(['[Content_Types].xml', '_rels/.rels']);
    const rest = paths.slice(2);
    expect(rest).toEqual([...rest].sort());
  });

  it('changes only the dates when only the date changes', async () => {
    const a = new Unpacked(await renderDocx(busyModel('a', new Date('2025-01-01T00:00:00Z'))));
    const b = new Unpacked(await renderDocx(busyModel('a', new Date('2026-01-01T00:00:00Z'))));
    expect(a.paths).toEqual(b.paths);
    for (const path of a.paths.filter((p) => p !== 'docProps/core.xml')) expect(a.part(path), path).toBe(b.part(path));
  });
});
