/**
 * PDF/UA-1 and PDF/A-2b declarations (src/render/pdf/archival.ts, srgb-icc.ts): the sRGB profile
 * read by an ICC parser, and in every tagged PDF of the sample the XMP agreeing with the
 * information dictionary, the parts declared (with the pdfuaid extension schema), the output
 * intent, the trailer ID, every font embedded (pdffonts).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import icc from 'icc';
import * as fontkit from 'fontkit';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { srgbProfile } from '../../../src/render/pdf/srgb-icc.js';
import { renderPdf } from '../../../src/render/pdf/render-pdf.js';
import { FontLibrary } from '../../../src/text/fonts.js';
import type { DocumentModel } from '../../../src/document/model.js';
import { copyKit, hasTool, runCli, sharedBuild } from '../../helpers/kit.js';

interface Report { pdfStandard?: string; outputs: { path: string; kind: string; format: string }[] }
let out: string;
let report: Report;
beforeAll(() => {
  const shared = sharedBuild<Report>();
  out = shared.out;
  report = shared.report;
});

const xmpField = (xmp: string, name: string) => new RegExp(`<${name}>(?:<rdf:(?:Alt|Seq|Bag)>\\s*<rdf:li[^>]*>)?([^<]*)<`).exec(xmp)?.[1];
const unescape = (s: string | undefined) => s?.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
const pdfDate = (d: Date | undefined) => d?.toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('the sRGB output profile', () => {
  it('reads as an ICC v2 display profile in RGB, D50 white point, with its description', () => {
    const profile = srgbProfile();
    const parsed = icc.parse(Buffer.from(profile));
    expect(parsed).toMatchObject({ version: '2.1', deviceClass: 'Monitor', colorSpace: 'RGB', connectionSpace: 'XYZ', description: 'sRGB IEC61966-2.1' });
    expect(parsed.whitepoint![1]).toBe(1);
    // The declared size is the size, and every tag lies inside it.
    const view = new DataView(profile.buffer, profile.byteOffset, profile.byteLength);
    expect(view.getUint32(0)).toBe(profile.length);
    for (let i = 0; i < view.getUint32(128); i++) {
      const offset = view.getUint32(132 + i * 12 + 4);
      const size = view.getUint32(132 + i * 12 + 8);
      expect(offset % 4).toBe(0);
      expect(offset + size).toBeLessThanOrEqual(profile.length);
    }
  });
});

describe('PDF/A-2b and PDF/UA-1 declared in every tagged PDF of the sample', () => {
  it('the build report names the standard', () => {
    expect(report.pdfStandard).toBe('ua1+a2b');
  });

  it('--pdf-standard none writes plain PDFs (no structure, no XMP), says so, and rejects an unknown level', async () => {
    const root = copyKit();
    const plain = runCli(['build', '--root', root, '--lang', 'en', '--only', 'agenda,nominations', '--format', 'pdf', '--pdf-standard', 'none', '--json']);
    expect(plain.status, plain.stderr).toBe(0);
    expect((JSON.parse(plain.stdout) as Report).pdfStandard).toBe('none');
    for (const file of ['en/agenda.pdf', 'en/nominations/MT.pdf']) {
      const doc = await PDFDocument.load(readFileSync(path.join(root, 'out', file)), { updateMetadata: false });
      expect(doc.catalog.has(PDFName.of('StructTreeRoot')), file).toBe(false);
      expect(doc.catalog.has(PDFName.of('Metadata')), file).toBe(false);
    }
    const wrong = runCli(['build', '--root', root, '--pdf-standard', 'pdfa-3']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--pdf-standard pdfa-3');
  });

  it('XMP agrees with the information dictionary; parts, extension schema, output intent and ID', async () => {
    const files = report.outputs.filter((o) => o.format === 'pdf' && o.kind !== 'badges');
    expect(files.length).toBeGreaterThan(40);
    const problems: string[] = [];
    for (const file of files) {
      const doc = await PDFDocument.load(readFileSync(path.join(out, file.path)), { updateMetadata: false });
      const metadata = doc.catalog.lookup(PDFName.of('Metadata'));
      if (!(metadata instanceof PDFRawStream)) { problems.push(`${file.path}: no Metadata stream`); continue; }
      if (metadata.dict.has(PDFName.of('Filter'))) problems.push(`${file.path}: the Metadata stream is filtered`);
      const xmp = new TextDecoder().decode(decodePDFRawStream(metadata).decode());
      const expect_ = (name: string, value: string | undefined) => {
        if (unescape(xmpField(xmp, name)) !== value) problems.push(`${file.path}: ${name} is "${xmpField(xmp, name)}", the Info dictionary says "${value}"`);
      };
      expect_('dc:title', doc.getTitle());
      expect_('dc:creator', doc.getAuthor());
      expect_('dc:description', doc.getSubject());
      expect_('pdf:Keywords', doc.getKeywords());
      expect_('pdf:Producer', doc.getProducer());
      expect_('xmp:CreatorTool', doc.getCreator());
      expect_('xmp:CreateDate', pdfDate(doc.getCreationDate()));
      expect_('xmp:ModifyDate', pdfDate(doc.getModificationDate()));
      expect_('pdfaid:part', '2');
      expect_('pdfaid:conformance', 'B');
      expect_('pdfuaid:part', '1');
      if (!xmp.includes('<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>')) problems.push(`${file.path}: pdfuaid is not declared as an extension schema`);
      const intents = doc.catalog.lookup(PDFName.of('OutputIntents'));
      const intent = intents instanceof PDFArray ? intents.lookup(0) : undefined;
      if (!(intent instanceof PDFDict) || intent.lookup(PDFName.of('S')) !== PDFName.of('GTS_PDFA1')) problems.push(`${file.path}: no PDF/A output intent`);
      else {
        const profile = intent.lookup(PDFName.of('DestOutputProfile'));
        if (!(profile instanceof PDFRawStream) || (profile.dict.lookup(PDFName.of('N')) as PDFNumber).asNumber() !== 3) problems.push(`${file.path}: the output intent has no RGB profile`);
      }
      const id = doc.context.trailerInfo.ID;
      if (!(id instanceof PDFArray) || id.size() !== 2 || !(id.get(0) instanceof PDFHexString)) problems.push(`${file.path}: no trailer ID`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('gives every glyph the same width in W as in the embedded font (PDF/A-2 6.2.11.5), widened marks included', async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const file of ['ar/handbook.pdf', 'ar/invitations/MA.pdf', 'en/handbook.pdf', 'fr/pack.pdf']) {
      const doc = await PDFDocument.load(readFileSync(path.join(out, file)), { updateMetadata: false });
      for (const [, object] of doc.context.enumerateIndirectObjects()) {
        if (!(object instanceof PDFDict) || object.lookup(PDFName.of('Subtype')) !== PDFName.of('CIDFontType2')) continue;
        const descriptor = object.lookup(PDFName.of('FontDescriptor'), PDFDict);
        const program = fontkit.create(Buffer.from(decodePDFRawStream(descriptor.lookup(PDFName.of('FontFile2')) as PDFRawStream).decode())) as unknown as { unitsPerEm: number; getGlyph(id: number): { advanceWidth: number } };
        const w = object.lookup(PDFName.of('W'));
        if (!(w instanceof PDFArray) || w.size() < 2) continue;
        const first = (w.lookup(0) as PDFNumber).asNumber();
        const widths = (w.lookup(1) as PDFArray).asArray().map((n) => (n as PDFNumber).asNumber());
        widths.forEach((width, i) => {
          // CIDToGIDMap Identity: the CID is the subset's glyph id.
          const advance = (program.getGlyph(first + i).advanceWidth * 1000) / program.unitsPerEm;
          checked++;
          if (Math.abs(advance - width) > 0.5) problems.push(`${file}: CID ${first + i}: W ${width}, font ${advance.toFixed(2)}`);
        });
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('gives every PDF its own ID (two letters alike but for the name differ), and keeps XMP and Info alike for odd titles', async () => {
    const ids = new Map<string, string>();
    for (const file of report.outputs.filter((o) => o.format === 'pdf' && o.kind === 'invitations').map((o) => o.path)) {
      const doc = await PDFDocument.load(readFileSync(path.join(out, file)), { updateMetadata: false });
      const id = ((doc.context.trailerInfo.ID as PDFArray).get(0) as PDFHexString).asString();
      expect(ids.get(id), `${file} has the ID of ${ids.get(id)}`).toBeUndefined();
      ids.set(id, file);
    }
    expect(ids.size).toBeGreaterThan(10);
    const fonts = await FontLibrary.load();
    const title = 'A & B <c> "d"\u0001 e\r\nf\rg';
    const model: DocumentModel = { kind: 'test', origin: 'test', direction: 'ltr', header: 'H', footer: '{page}', footnotes: [], meta: { title, author: 'A\u0007', lang: 'en', date: new Date('2027-01-11T00:00:00Z') }, blocks: [{ type: 'paragraph', role: 'body', children: [{ type: 'text', value: 'x' }] }] };
    const doc = await PDFDocument.load((await renderPdf(model, fonts)).bytes, { updateMetadata: false });
    const xmp = new TextDecoder().decode(decodePDFRawStream(doc.catalog.lookup(PDFName.of('Metadata')) as PDFRawStream).decode());
    expect(doc.getTitle()).toBe('A & B <c> "d" e\nf\ng');
    expect(unescape(xmpField(xmp, 'dc:title'))).toBe(doc.getTitle());
    expect(unescape(xmpField(xmp, 'dc:creator'))).toBe('A');
  });

  it('embeds every font (pdffonts)', () => {
    if (!hasTool('pdffonts')) return;
    const files = report.outputs.filter((o) => o.format === 'pdf' && o.kind !== 'badges');
    const notEmbedded: string[] = [];
    for (const file of files.slice(0, 200)) {
      const lines = spawnSync('pdffonts', [path.join(out, file.path)], { encoding: 'utf8' }).stdout.split('\n').slice(2).filter((l) => l.trim());
      for (const line of lines) if (!/\byes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.test(line)) notEmbedded.push(`${file.path}: ${line}`);
    }
    expect(notEmbedded).toEqual([]);
  });
});
