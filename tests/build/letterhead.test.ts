/** The organisers' logos are read like the sources' images: inside the kit, checked, reported at the configuration's line. */
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { letterheadOf, loadLogos } from '../../src/build/letterhead.js';
import { parseConfig } from '../../src/config/load-config.js';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { makePng } from '../helpers/png.js';

const VALID = readFileSync(path.resolve(import.meta.dirname, '../fixtures/config/valid/seminar.yaml'), 'utf8');

/** A kit with the valid fixture's configuration, the three organisers' logos as given, and a PNG outside it. */
function kitWith(logos: [string | undefined, string | undefined, string | undefined], letterhead = '') {
  const top = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'folio-logos-')));
  const kit = path.join(top, 'kit');
  mkdirSync(path.join(kit, 'assets'), { recursive: true });
  writeFileSync(path.join(kit, 'assets', 'wide.png'), makePng(30, 10, [10, 40, 90]));
  writeFileSync(path.join(kit, 'assets', 'square.png'), makePng(12, 12, [0, 120, 130]));
  writeFileSync(path.join(kit, 'assets', 'not-an-image.png'), 'GIF89a, a GIF by its signature');
  writeFileSync(path.join(top, 'secret.png'), makePng(4, 4, [255, 0, 0]));
  symlinkSync(path.join(top, 'secret.png'), path.join(kit, 'assets', 'link.png'));
  let text = VALID;
  const names = ['Organization for Security and Co-operation in Europe', 'International Labour Organization'];
  if (logos[0]) text = text.replace(`      name: ${names[0]}\n`, `      name: ${names[0]}\n      logo: "${logos[0]}"\n`);
  if (logos[1]) text = text.replace(`      name: ${names[1]}\n`, `      name: ${names[1]}\n      logo: "${logos[1]}"\n`);
  if (logos[2]) text = text.replace('name: International Organization for Migration }', `name: International Organization for Migration, logo: "${logos[2]}" }`);
  if (letterhead) text = text.replace('  host: Kingdom of Morocco\n', `  letterhead: ${letterhead}\n  host: Kingdom of Morocco\n`);
  const parsed = parseConfig(text, 'seminar.yaml');
  expect(parsed.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  return { kit, config: parsed.config! };
}

describe('loadLogos', () => {
  it('reads the logos of the kit, records what it read, and heads each language with them', () => {
    const { kit, config } = kitWith(['assets/wide.png', undefined, './assets/../assets/square.png'], '{ layout: center, height: 20 }');
    const reads = new Map<string, string>();
    const { logos, diagnostics } = loadLogos(config, kit, reads);
    expect(diagnostics).toEqual([]);
    expect(logos.map((l) => l && `${l.width}x${l.height}`)).toEqual(['30x10', undefined, '12x12']);
    expect([...reads.keys()].sort()).toEqual([path.join(kit, 'assets', 'square.png'), path.join(kit, 'assets', 'wide.png')]);

    const french = letterheadOf(config, logos, (name) => `«${name}» en français`)!;
    expect(french.layout).toBe('center');
    expect(french.height).toBeCloseTo(20 * 72 / 25.4);
    // Described by the organiser's name in the document's language; placed at the configuration's line.
    expect(french.logos.map((l) => l.alt)).toEqual(['«Organization for Security and Co-operation in Europe» en français', '«International Organization for Migration» en français']);
    expect(french.logos[0]!.place).toMatchObject({ file: 'seminar.yaml' }); // kit-relative, as the build names files
    expect(french.logos[0]!.place!.line).toBeGreaterThan(0);
  });

  it('gives no letterhead when no organiser has a logo, and the default layout when none is configured', () => {
    const none = kitWith([undefined, undefined, undefined]);
    const loaded = loadLogos(none.config, none.kit, new Map());
    expect(letterheadOf(none.config, loaded.logos, (n) => n)).toBeUndefined();
    const one = kitWith([undefined, 'assets/square.png', undefined]);
    const head = letterheadOf(one.config, loadLogos(one.config, one.kit, new Map()).logos, (n) => n)!;
    expect(head).toMatchObject({ layout: 'spread' });
    expect(head.height).toBeCloseTo(16 * 72 / 25.4);
  });

  it.each([
    ['a missing file', 'assets/missing.png', 'config/logo', /there is no file assets\/missing\.png in the kit/],
    ['a path out of the kit', '../secret.png', 'image/outside-kit', /outside/],
    ['a link out of the kit', 'assets/link.png', 'image/outside-kit', /outside/],
    ['an absolute path out of the kit', '/etc/passwd', 'image/outside-kit', /outside/],
    ['a file that is not an image', 'assets/not-an-image.png', 'image/format', /PNG and JPEG images only/],
    ['a folder', 'assets', 'image/not-a-file', /./],
  ])('reports %s at the logo in the configuration, and uses no logo', (_, file, rule, message) => {
    const { kit, config } = kitWith([undefined, file, undefined]);
    const { logos, diagnostics } = loadLogos(config, kit, new Map());
    expect(logos[1]).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    const d = diagnostics[0]!;
    expect(d.severity).toBe('error');
    expect(d.rule).toBe(rule);
    expect(d.message).toMatch(/^event\.organisers\[1\]\.logo: /);
    expect(d.message).toMatch(message);
    expect(d.file).toBe('seminar.yaml');
    expect(d.line).toBeGreaterThan(0);
    expect(d.column).toBeGreaterThan(0);
  });
});
