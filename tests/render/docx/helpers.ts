/**
 * Test helpers: small document models built by hand, and a DOCX read back into its XML parts.
 */
import type {
  Block,
  DocumentModel,
  Footnote,
  Inline,
  Paragraph,
  ParagraphRole,
} from '../../../src/document/model.js';
import { deflateSync } from 'node:zlib';
import { crc32, readZip } from '../../../src/render/docx/zip.js';

export const FIXED_DATE = new Date('2025-03-14T09:30:00Z');

/** A model with the given blocks; everything else has plain defaults that `overrides` can change. */
export function makeModel(blocks: Block[], overrides: Partial<DocumentModel> = {}): DocumentModel {
  return {
    kind: 'agenda',
    meta: { title: 'Seminar agenda', author: 'Secretariat', lang: 'en', date: FIXED_DATE, subject: 'Agenda', keywords: ['seminar', 'agenda'] },
    direction: 'ltr',
    header: '',
    footer: '',
    blocks,
    footnotes: [],
    origin: 'templates/agenda.md',
    ...overrides,
  };
}

/** An Arabic (right-to-left) model. */
export function makeArabicModel(blocks: Block[], overrides: Partial<DocumentModel> = {}): DocumentModel {
  return makeModel(blocks, {
    direction: 'rtl',
    meta: { title: 'جدول الأعمال', author: 'الأمانة', lang: 'ar-MA', date: FIXED_DATE },
    ...overrides,
  });
}

export const text = (value: string): Inline => ({ type: 'text', value });

/** A paragraph of the given role from strings (literal text) and inline nodes. */
export function para(children: (string | Inline)[] | string, role: ParagraphRole = 'body', align?: Paragraph['align']): Paragraph {
  const inlines = (typeof children === 'string' ? [children] : children).map((c) => (typeof c === 'string' ? text(c) : c));
  return { type: 'paragraph', role, children: inlines, ...(align ? { align } : {}) };
}

export function heading(level: 1 | 2 | 3 | 4 | 5 | 6, value: string, id = value.toLowerCase().replace(/[^a-z0-9]+/g, '-')): Block {
  return { type: 'heading', level, children: [text(value)], id };
}

export function list(items: (string | Block[])[], ordered = false, start = 1): Block {
  return { type: 'list', ordered, start, items: items.map((item) => (typeof item === 'string' ? [para(item)] : item)) };
}

export function footnote(number: number, value: string): Footnote {
  return { number, children: [para(value)] };
}

/** A real PNG of the given size (solid colour), made here so that the tests need no image file. */
export function makePng(width = 4, height = 2, rgb: [number, number, number] = [200, 30, 30]): Uint8Array {
  const chunk = (type: string, data: Uint8Array): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', pixels), chunk('IEND', new Uint8Array())]),
  );
}

/** A rendered DOCX read back: its parts as text. */
export class Unpacked {
  readonly parts: Map<string, Uint8Array>;
  constructor(bytes: Uint8Array) {
    this.parts = new Map(readZip(bytes).map((e) => [e.path, e.data]));
  }
  get paths(): string[] {
    return [...this.parts.keys()];
  }
  part(path: string): string {
    const data = this.parts.get(path);
    if (!data) throw new Error(`No part ${path} in the DOCX (has: ${this.paths.join(', ')})`);
    return new TextDecoder().decode(data);
  }
  get document(): string {
    return this.part('word/document.xml');
  }
  /** Relationship targets of a part by id. */
  relationships(path = 'word/_rels/document.xml.rels'): Map<string, { type: string; target: string; mode?: string }> {
    const out = new Map<string, { type: string; target: string; mode?: string }>();
    for (const m of this.part(path).matchAll(/<Relationship\b([^>]*)\/>/g)) {
      const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(m[1]!)?.[1];
      out.set(attr('Id')!, { type: attr('Type')!, target: unescapeXml(attr('Target')!), mode: attr('TargetMode') });
    }
    return out;
  }
}

export function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

/** The body's paragraphs (`w:p`, also those in tables), each with its XML, style id and text. */
export function paragraphsOf(xml: string): { xml: string; style?: string; text: string }[] {
  return [...xml.matchAll(/<w:p\b(?:[^>]*[^/])?>[\s\S]*?<\/w:p>|<w:p\/>/g)].map((m) => ({
    xml: m[0],
    style: /<w:pStyle w:val="([^"]*)"/.exec(m[0])?.[1],
    text: textOf(m[0]),
  }));
}

/** The text of an XML fragment: its `w:t` contents, unescaped, concatenated. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join('');
}

/** The runs (`w:r`) of an XML fragment with their properties and text. */
export function runsOf(xml: string): { xml: string; props: string; text: string }[] {
  return [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>|<w:r\s[^>]*>([\s\S]*?)<\/w:r>/g)].map((m) => {
    const inner = m[1] ?? m[2] ?? '';
    return { xml: m[0], props: /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(inner)?.[0] ?? '', text: textOf(inner) };
  });
}

/** The paragraph whose text is exactly `value` (fails the test if there is none). */
export function paragraphWithText(xml: string, value: string): { xml: string; style?: string; text: string } {
  const found = paragraphsOf(xml).find((p) => p.text === value);
  if (!found) throw new Error(`No paragraph with text ${JSON.stringify(value)}; have ${JSON.stringify(paragraphsOf(xml).map((p) => p.text))}`);
  return found;
}
