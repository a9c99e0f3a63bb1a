/**
 * ICU plurals in XLIFF 2 as one segment per category (src/translate/formats/icu-split.ts and
 * xliff2.ts): split, given the target language's categories, written, edited segment by segment
 * as a CAT tool does, read back and imported into the store.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandBranches, expandedSource, joinIcu, splitIcu } from '../../../src/translate/formats/icu-split.js';
import { readXliff2, writeXliff2 } from '../../../src/translate/formats/xliff2.js';
import { toContent, fromContent } from '../../../src/translate/content-markdown.js';
import { contentText } from '../../../src/translate/content.js';
import { parsePo, writePo } from '../../../src/translate/formats/po.js';
import { copyKit, runCli } from '../../helpers/kit.js';
import { utf8 } from './exchange-helpers.js';

const icu = (text: string) => toContent(text, 'icu');

describe('splitIcu', () => {
  it('finds the text before and after one plural, its head and its branches, codes kept whole', () => {
    const split = splitIcu(icu('Offer {country} **{seats, plural, one {one place for {country}} other {# places}}**, covered.'))!;
    expect(contentText(split.before)).toBe('Offer  **');
    expect(split.before.filter((p) => typeof p !== 'string')).toHaveLength(1);
    expect(split.head).toBe('{seats, plural, ');
    expect(split.branches.map((b) => [b.key, fromContent(b.content, 'icu')])).toEqual([['one', 'one place for {country}'], ['other', '# places']]);
    expect(contentText(split.after)).toBe('**, covered.');
  });

  it('keeps offsets in the head, exact values as keys, quoted braces and nested arguments inside their branch', () => {
    const split = splitIcu(icu("{n, plural, offset:1 =0 {nobody} one {'{'you'}'} other {{g, select, f {she} other {they}} and # others}}"))!;
    expect(split.head).toBe('{n, plural, offset:1 ');
    expect(split.branches.map((b) => b.key)).toEqual(['=0', 'one', 'other']);
    expect(fromContent(split.branches[1]!.content, 'icu')).toBe("'{'you'}'");
    expect(fromContent(split.branches[2]!.content, 'icu')).toBe('{g, select, f {she} other {they}} and # others');
    expect(splitIcu(icu('{g, select, f {She} m {He} other {They}} came.'))!.kind).toBe('select');
  });

  it('leaves alone what it cannot split faithfully: two arguments side by side, no other, broken syntax, no plural, quoting the ICU parser reads otherwise', () => {
    for (const text of ['{a, plural, one {x} other {y}} and {b, plural, one {x} other {y}}', '{a, plural, one {x}}', '{a, plural, one {x} other {y}', 'Hello {name}.', '{a, plural, one {x} one {y} other {z}}',
      "{g, select, male {'#1 fan} female {x's} other {y}}", "a '<{n, plural, one {x} other {y}}>' b"]) {
      expect(splitIcu(icu(text)), text).toBeUndefined();
    }
  });

  it('gives a plural the categories of the target language, new ones from other, and joins back to the same message', () => {
    const split = splitIcu(icu('{n, plural, =0 {none} one {one} other {#}}'))!;
    expect(expandBranches(split, 'ar').map((b) => b.key)).toEqual(['=0', 'zero', 'one', 'two', 'few', 'many', 'other']);
    expect(expandBranches(split, 'fr').map((b) => b.key)).toEqual(['=0', 'one', 'many', 'other']);
    expect(expandBranches(split, 'ja').map((b) => b.key)).toEqual(['=0', 'one', 'other']);
    expect(fromContent(joinIcu(split, split.branches), 'icu')).toBe('{n, plural, =0 {none} one {one} other {#}}');
    expect(fromContent(expandedSource(icu('{n, plural, one {one} other {#}}'), 'fr')!, 'icu')).toBe('{n, plural, one {one} many {#} other {#}}');
  });
});

describe('XLIFF 2: a plural as one segment per category', () => {
  const source = 'The organisers offer {country} **{seats, plural, one {one sponsored place} other {# sponsored places}}**, with travel.';

  it('an untranslated plural: a segment for the text around it and one per French category, the syntax ignorable', () => {
    const text = writeXliff2({ sourceLang: 'en', targetLang: 'fr', units: [{ id: 'u1', context: 'template:invitation', source: icu(source), state: 'new' }] });
    const ids = [...text.matchAll(/<(segment|ignorable) id="([^"]+)"/g)].map((m) => `${m[1]![0]}:${m[2]}`);
    expect(ids).toEqual(['s:before', 'i:i1', 's:seats.one', 'i:i2', 's:seats.many', 'i:i3', 's:seats.other', 'i:i4', 's:after']);
    expect(text).toContain('<source>} many {</source>');
    expect(text).not.toContain('<target>');
    // A CAT tool translates segment by segment; the ignorables have no target.
    const translations: Record<string, string> = {
      before: 'Les organisateurs offrent à <ph id="1" dataRef="d1" equiv="{country}"/> **',
      'seats.one': 'une place prise en charge', 'seats.many': '# de places prises en charge', 'seats.other': '# places prises en charge', after: '**, avec le voyage.',
    };
    const edited = text.replace(/(<segment id="([^"]+)" state="initial">\s*<source>[^]*?<\/source>)/g, (all, head: string, id: string) =>
      `${head.replace('state="initial"', 'state="translated"')}<target>${translations[id]}</target>`);
    const read = readXliff2(utf8(edited));
    expect(read.problems).toEqual([]);
    const unit = read.file!.units[0]!;
    expect(unit.state).toBe('translated');
    expect(fromContent(unit.target!, 'icu')).toBe('Les organisateurs offrent à {country} **{seats, plural, one {une place prise en charge} many {# de places prises en charge} other {# places prises en charge}}**, avec le voyage.');
    // The joined source is the message with French's categories: the same message for French.
    expect(contentText(unit.source)).toBe(contentText(expandedSource(icu(source), 'fr')!));
  });

  it('a translated plural: each category with its own translation, a missing one from the translation\'s other', () => {
    const target = 'Les organisateurs offrent à {country} **{seats, plural, one {une place} other {# places}}**, avec le voyage.';
    const text = writeXliff2({ sourceLang: 'en', targetLang: 'fr', units: [{ id: 'u1', source: icu(source), target: icu(target), state: 'translated' }] });
    expect(text).toMatch(/<segment id="seats.many" state="translated">\s*<source># sponsored places<\/source>\s*<target># places<\/target>/);
    const back = readXliff2(utf8(text)).file!.units[0]!;
    expect(fromContent(back.target!, 'icu')).toBe('Les organisateurs offrent à {country} **{seats, plural, one {une place} many {# places} other {# places}}**, avec le voyage.');
  });

  it('an exact value the translation lacks is the category of that number, so an unchanged file changes nothing', () => {
    const source = '{count, plural, =1 {a single official} one {# official} other {# officials}}';
    const target = '{count, plural, one {# haut fonctionnaire} many {# de hauts fonctionnaires} other {# hauts fonctionnaires}}';
    const text = writeXliff2({ sourceLang: 'en', targetLang: 'fr', units: [{ id: 'u1', source: icu(source), target: icu(target), state: 'translated' }] });
    expect(text).toMatch(/<segment id="count.eq1" state="translated">\s*<source>a single official<\/source>\s*<target># haut fonctionnaire<\/target>/);
    // Read back: =1 says what one says, as ICU would have chosen for 1 without it.
    expect(fromContent(readXliff2(utf8(text)).file!.units[0]!.target!, 'icu')).toBe('{count, plural, =1 {# haut fonctionnaire} one {# haut fonctionnaire} many {# de hauts fonctionnaires} other {# hauts fonctionnaires}}');
  });

  it('a half-translated plural keeps the source where a segment has no translation yet', () => {
    const text = writeXliff2({ sourceLang: 'en', targetLang: 'fr', units: [{ id: 'u1', source: icu(source), state: 'new' }] });
    const edited = text.replace(/(<segment id="seats\.one" state=")initial(">\s*<source>[^<]*<\/source>)/, '$1translated$2<target>une place</target>');
    const unit = readXliff2(utf8(edited)).file!.units[0]!;
    expect(fromContent(unit.target!, 'icu')).toBe('The organisers offer {country} **{seats, plural, one {une place} many {# sponsored places} other {# sponsored places}}**, with travel.');
    expect(unit.state).not.toBe('translated');
  });

  it('a translation built otherwise than its source stays one segment, as written', () => {
    const target = '{seats, plural, one {Une place} other {# places}} offertes à {country}.';
    const text = writeXliff2({ sourceLang: 'en', targetLang: 'fr', units: [{ id: 'u1', source: icu(source), target: icu(target), state: 'translated' }] });
    expect(text).toContain('<segment id="s1"');
    expect(fromContent(readXliff2(utf8(text)).file!.units[0]!.target!, 'icu')).toBe(target);
  });
});

describe('folio export and import of a plural through XLIFF 2', () => {
  it('a French plural translated per category comes back into the store whole, with the categories French needs', () => {
    const root = copyKit();
    const store = path.join(root, 'translations', 'fr.po');
    const catalog = parsePo(readFileSync(store, 'utf8')).catalog!;
    const entry = catalog.entries.find((e) => e.msgctxt === 'template:invitation' && e.msgid.includes('{seats, plural,'))!;
    expect(entry).toBeDefined();
    entry.msgstr = [''];
    writeFileSync(store, writePo(catalog));
    const file = path.join(os.tmpdir(), `folio-plural-${process.pid}.xlf`);
    const exported = runCli(['export', '--root', root, '--lang', 'fr', '--format', 'xliff2', '--only-todo', '-o', file]);
    expect(exported.status, exported.stderr).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('id="seats.many"');
    // Every segment translated (a tool writes the codes back as they were).
    let n = 0;
    writeFileSync(file, text.replace(/<segment id="([^"]+)" state="initial">(\s*)<source>([^]*?)<\/source>/g, (_all, id: string, space: string, src: string) =>
      `<segment id="${id}" state="final">${space}<source>${src}</source><target>${id.startsWith('seats.') ? `FR${'ABCDEF'[n++]} ${src}` : src}</target>`));
    const imported = runCli(['import', file, '--root', root, '--lang', 'fr']);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stderr + imported.stdout).toMatch(/1 units updated/);
    const after = parsePo(readFileSync(store, 'utf8')).catalog!.entries.find((e) => e.msgctxt === entry.msgctxt && e.msgid === entry.msgid)!;
    expect(after.msgstr[0]).toMatch(/\{seats, plural, one \{FRA one sponsored place\} many \{FRB # sponsored places\} other \{FRC # sponsored places\}\}/);
    expect(after.flags).not.toContain('fuzzy');
    const validated = runCli(['validate', '--root', root, '--lang', 'fr', '--json', '--no-cache']);
    expect(validated.status, validated.stderr).toBe(0);
    const rules = (JSON.parse(validated.stdout) as { diagnostics: { rule: string; line: number }[] }).diagnostics.filter((d) => d.line === after.line && d.rule.startsWith('qa/'));
    expect(rules).toEqual([]);
  });
});
