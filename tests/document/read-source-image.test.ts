/** Where images may be read from: the kit, or a folder the configuration allows; regular files only. */
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/render/pdf/render-pdf.js';
import { FontLibrary } from '../../src/text/fonts.js';
import type { DocumentModel } from '../../src/document/model.js';
import { walkTaggedPdf } from '../helpers/pdf-structure.js';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSourceImage, type LoadedImage } from '../../src/document/images.js';
import { mdastToBlocks } from '../../src/document/from-mdast.js';
import { parseMarkdown } from '../../src/sources/parse-markdown.js';
import { makePngFile } from './image-fixtures.js';

const PNG = makePngFile({ width: 6, height: 4 });

/** A sandbox: kit/ with sources/themes/, and outside/ next to it holding a real PNG. */
function sandbox(): { kit: string; themes: string; outside: string } {
  const top = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'folio-images-')));
  const kit = path.join(top, 'kit');
  const themes = path.join(kit, 'sources', 'themes');
  const outside = path.join(top, 'outside');
  mkdirSync(themes, { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(themes, 'figure.png'), PNG);
  writeFileSync(path.join(outside, 'secret.png'), PNG);
  return { kit, themes, outside };
}

function ruleOf(loaded: LoadedImage | undefined): string | undefined {
  return loaded && 'problem' in loaded ? loaded.problem.rule : undefined;
}

function messageOf(loaded: LoadedImage | undefined): string {
  return loaded && 'problem' in loaded ? loaded.problem.message : '';
}

describe('readSourceImage', () => {
  it('reads an image of the kit and records its hash', () => {
    const { kit, themes } = sandbox();
    const reads = new Map<string, string>();
    const loaded = readSourceImage('figure.png', themes, { root: kit, reads });
    expect(loaded).toMatchObject({ format: 'png', width: 6, height: 4 });
    expect(reads.get(path.join(themes, 'figure.png'))).toMatch(/^[0-9a-f]{64}$/);
    expect(readSourceImage('../themes/./figure.png', themes, { root: kit })).toMatchObject({ width: 6 });
    expect(readSourceImage('fig%75re.png', themes, { root: kit })).toMatchObject({ width: 6 });
  });

  it('refuses a path that climbs out of the kit with .., naming the folder and how to allow it', () => {
    const { kit, themes, outside } = sandbox();
    const reads = new Map<string, string>();
    const loaded = readSourceImage('../../../outside/secret.png', themes, { root: kit, reads });
    expect(ruleOf(loaded)).toBe('image/outside-kit');
    expect(messageOf(loaded)).toContain(`in the folder ${outside}, which is outside the kit (${kit})`);
    expect(messageOf(loaded)).toContain('files: { allow: ["../outside"] }');
    expect(reads.size).toBe(0);
  });

  it('refuses an absolute path outside the kit, and accepts one inside it', () => {
    const { kit, themes, outside } = sandbox();
    expect(ruleOf(readSourceImage(path.join(outside, 'secret.png'), themes, { root: kit }))).toBe('image/outside-kit');
    expect(ruleOf(readSourceImage('/etc/passwd', themes, { root: kit }))).toBe('image/outside-kit');
    expect(readSourceImage(path.join(themes, 'figure.png'), themes, { root: kit })).toMatchObject({ width: 6 });
  });

  it('says the same whether or not a file outside the kit exists (no probing of the machine)', () => {
    const { kit, themes } = sandbox();
    expect(ruleOf(readSourceImage('../../../outside/no-such.png', themes, { root: kit }))).toBe('image/outside-kit');
    expect(ruleOf(readSourceImage('/no/such/file.png', themes, { root: kit }))).toBe('image/outside-kit');
    // Inside the kit, a missing file is the caller's "cannot be read" (markdown/image).
    const reads = new Map<string, string>();
    expect(readSourceImage('missing.png', themes, { root: kit, reads })).toBeUndefined();
    expect(reads.get(path.join(themes, 'missing.png'))).toBe('missing');
  });

  it('refuses a symbolic link that leads out of the kit, to a file or through a folder', () => {
    const { kit, themes, outside } = sandbox();
    symlinkSync(path.join(outside, 'secret.png'), path.join(themes, 'linked.png'));
    symlinkSync(outside, path.join(themes, 'assets'));
    const linked = readSourceImage('linked.png', themes, { root: kit });
    expect(ruleOf(linked)).toBe('image/outside-kit');
    expect(messageOf(linked)).toContain('(through a symbolic link)');
    expect(ruleOf(readSourceImage('assets/secret.png', themes, { root: kit }))).toBe('image/outside-kit');
    // A link that stays in the kit is fine.
    symlinkSync(path.join(themes, 'figure.png'), path.join(themes, 'alias.png'));
    expect(readSourceImage('alias.png', themes, { root: kit })).toMatchObject({ width: 6 });
  });

  it('reads from a folder the configuration allows (given as a real path), and from nowhere else', () => {
    const { kit, themes, outside } = sandbox();
    expect(readSourceImage('../../../outside/secret.png', themes, { root: kit, allow: [outside] })).toMatchObject({ width: 6 });
    symlinkSync(outside, path.join(themes, 'assets'));
    expect(readSourceImage('assets/secret.png', themes, { root: kit, allow: [outside] })).toMatchObject({ width: 6 });
    expect(ruleOf(readSourceImage('../../../outside/secret.png', themes, { root: kit, allow: [path.join(outside, 'sub')] }))).toBe('image/outside-kit');
  });

  it('refuses a named pipe without waiting for a writer, and a folder', () => {
    const { kit, themes } = sandbox();
    const fifo = path.join(themes, 'pipe.png');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return; // no mkfifo on this system
    const loaded = readSourceImage('pipe.png', themes, { root: kit });
    expect(ruleOf(loaded)).toBe('image/not-a-file');
    expect(messageOf(loaded)).toContain('named pipe');
    mkdirSync(path.join(themes, 'folder.png'));
    expect(ruleOf(readSourceImage('folder.png', themes, { root: kit }))).toBe('image/not-a-file');
  });

  it('refuses a file over the size limit without reading it, and an empty file', () => {
    const { kit, themes } = sandbox();
    const limits = { fileBytes: PNG.length - 1, side: 100, pixels: 10_000 };
    const reads = new Map<string, string>();
    expect(ruleOf(readSourceImage('figure.png', themes, { root: kit, limits, reads }))).toBe('image/too-large');
    expect(reads.size).toBe(0);
    writeFileSync(path.join(themes, 'empty.png'), '');
    expect(ruleOf(readSourceImage('empty.png', themes, { root: kit }))).toBe('image/empty');
  });

  it('reports a malformed %-escape, a NUL and a URL as image/url', () => {
    const { kit, themes } = sandbox();
    const malformed = readSourceImage('%E0%A4%A.png', themes, { root: kit });
    expect(ruleOf(malformed)).toBe('image/url');
    expect(messageOf(malformed)).toContain('The image %E0%A4%A.png cannot be used');
    expect(ruleOf(readSourceImage('100%.png', themes, { root: kit }))).toBe('image/url');
    expect(ruleOf(readSourceImage('figure.png%00.txt', themes, { root: kit }))).toBe('image/url');
    for (const url of ['https://example.org/x.png', 'file:///etc/passwd', 'data:image/png;base64,AAAA']) {
      expect(ruleOf(readSourceImage(url, themes, { root: kit })), url).toBe('image/url');
    }
  });

  it('without a kit folder reads nothing but the allowed folders', () => {
    const { themes, outside } = sandbox();
    expect(ruleOf(readSourceImage('figure.png', themes, {}))).toBe('image/outside-kit');
    expect(readSourceImage(path.join(outside, 'secret.png'), themes, { allow: [outside] })).toMatchObject({ width: 6 });
  });
});

describe('image problems in the document model', () => {
  /** A source paragraph holding only an image, as fragment.ts marks it (file and folder). */
  function convert(markdown: string, dir: string, root: string) {
    const parsed = parseMarkdown(markdown, 'sources/themes/01-x.md');
    const mark = (node: { data?: unknown; children?: unknown[] }) => {
      node.data = { ...(node.data as object), folioFile: 'sources/themes/01-x.md', folioDir: dir };
      for (const child of (node.children ?? []) as { data?: unknown; children?: unknown[] }[]) mark(child);
    };
    for (const node of parsed.tree.children) mark(node as never);
    return mdastToBlocks(parsed.tree, { file: 'templates/theme-brief.md.hbs', loadImage: (url, d) => (d ? readSourceImage(url, d, { root }) : undefined) });
  }

  it('are errors at the image node, with the rule of the problem', () => {
    const { kit, themes } = sandbox();
    writeFileSync(path.join(themes, 'broken.png'), PNG.subarray(0, 40));
    const { diagnostics, blocks } = convert('# T\n\nText.\n\n![Secret](../../../outside/secret.png)\n\n  ![Broken](broken.png)\n\n![Bad](%E0%A4%A.png)\n\n![Lost](lost.png)\n\n![Fine](figure.png)\n', themes, kit);
    expect(diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.rule])).toEqual([
      ['sources/themes/01-x.md', 5, 1, 'error', 'image/outside-kit'],
      ['sources/themes/01-x.md', 7, 3, 'error', 'image/corrupt'],
      ['sources/themes/01-x.md', 9, 1, 'error', 'image/url'],
      ['sources/themes/01-x.md', 11, 1, 'error', 'markdown/image'],
    ]);
    expect(diagnostics[1]!.message).toMatch(/^The image broken\.png cannot be used: it is a damaged PNG/);
    expect(blocks.filter((b) => b.type === 'image')).toHaveLength(1);
  });

  it('warns, at the image, when an image has no alternative text (it is then decoration in the PDF)', async () => {
    const { kit, themes } = sandbox();
    const { diagnostics, blocks } = convert('# T\n\n![](figure.png)\n\n![ ](figure.png)\n\n![A figure](figure.png)\n', themes, kit);
    expect(diagnostics.map((d) => [d.line, d.column, d.severity, d.rule])).toEqual([[3, 1, 'warning', 'a11y/missing-alt'], [5, 1, 'warning', 'a11y/missing-alt']]);
    const images = blocks.filter((b) => b.type === 'image');
    expect(images).toHaveLength(3);
    // In the tagged PDF: one Figure (with its Alt); the two others are artifacts.
    const model: DocumentModel = { kind: 'test', origin: 'test', direction: 'ltr', header: 'H', footer: '{page}', footnotes: [], meta: { title: 'T', author: 'A', lang: 'en', date: new Date('2027-01-11T00:00:00Z') }, blocks };
    const walked = await walkTaggedPdf((await renderPdf(model, await FontLibrary.load())).bytes);
    expect(walked.problems).toEqual([]);
    expect(walked.roles.filter((r) => r === 'Figure')).toHaveLength(1);
  });
});
