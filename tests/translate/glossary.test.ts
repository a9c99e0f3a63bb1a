/** The glossary (translations/glossary.tbx): TBX 2 and 3 read, and the qa/glossary rule through the CLI. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTbx } from '../../src/translate/formats/tbx.js';
import { checkGlossary, termPairs } from '../../src/translate/glossary.js';
import { parsePo } from '../../src/translate/formats/po.js';
import { copyBuiltKit, copyKit, runCli } from '../helpers/kit.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** TBX 2 as Weblate exports it (martif, termEntry/langSet/tig/term). */
function tbx2(concepts: [string, string][][]): string {
  const entries = concepts.map((langs, i) => `<termEntry id="c${i}">${langs.map(([lang, term]) => `<langSet xml:lang="${lang}"><tig><term>${term}</term></tig></langSet>`).join('')}</termEntry>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>Weblate</p></sourceDesc></fileDesc></martifHeader><text><body>\n${entries}\n</body></text></martif>\n`;
}

describe('TBX', () => {
  it('reads TBX 2 (tig and ntig) and TBX 3 (conceptEntry/langSec/termSec), every term of every language', () => {
    const two = readTbx(utf8(`<martif><text><body><termEntry><langSet xml:lang="EN"><tig><term>remittances</term></tig></langSet><langSet xml:lang="fr"><ntig><termGrp><term>envois de fonds</term></termGrp></ntig><tig><term>transferts de fonds</term></tig></langSet></termEntry></body></text></martif>`));
    expect(two.problems).toEqual([]);
    expect([...two.entries![0]!.terms]).toEqual([['en', ['remittances']], ['fr', ['envois de fonds', 'transferts de fonds']]]);
    const three = readTbx(utf8(`<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><tbxHeader/><text><body><conceptEntry id="1"><langSec xml:lang="en"><termSec><term>social partners</term></termSec></langSec><langSec xml:lang="ar"><termSec><term>الشركاء الاجتماعيون</term></termSec></langSec></conceptEntry></body></text></tbx>`));
    expect([...three.entries![0]!.terms]).toEqual([['en', ['social partners']], ['ar', ['الشركاء الاجتماعيون']]]);
    expect(readTbx(utf8('<tmx version="1.4"><body/></tmx>')).problems).toHaveLength(1);
    expect(readTbx(utf8('<martif><text><body><termEntry>')).problems).toHaveLength(1);
  });

  it('qa/glossary: a source term whose translation lacks every glossary term for the language, whole words, any case', () => {
    const pairs = termPairs(readTbx(utf8(tbx2([[['en', 'remittances'], ['fr', 'envois de fonds']], [['en', 'social partners'], ['fr', 'partenaires sociaux']]]))).entries!, 'en', 'fr-FR');
    const catalog = parsePo([
      'msgctxt "a"\nmsgid "Remittances matter."\nmsgstr "Les transferts comptent."\n',
      'msgctxt "b"\nmsgid "**Remittances** matter."\nmsgstr "Les **envois de fonds** comptent."\n',
      'msgctxt "c"\nmsgid "Ask the social\\npartners."\nmsgstr "Demandez aux Partenaires sociaux."\n',
      'msgctxt "d"\nmsgid "Unremittances are not a word."\nmsgstr "Non."\n',
      '#, fuzzy\nmsgctxt "e"\nmsgid "Remittances."\nmsgstr "Transferts."\n',
    ].join('\n')).catalog!;
    const found = checkGlossary(catalog, pairs, 'translations/fr.po');
    expect(found.map((d) => [d.rule, d.line])).toEqual([['qa/glossary', 1]]);
    expect(found[0]!.message).toContain('"envois de fonds"');
  });
});

describe('a kit\'s glossary', () => {
  it('validate warns at the store line; adding or changing the glossary is seen even when the last build is up to date', () => {
    // A copy of the run's full build (tests/global-setup.ts): validate trusts its records…
    const root = copyBuiltKit();
    const composed = (r: { stdout: string }) => (JSON.parse(r.stdout) as { composed: string[] }).composed;
    const glossaryWarnings = (r: { stdout: string }) => (JSON.parse(r.stdout) as { diagnostics: { rule: string; file: string; line: number }[] }).diagnostics.filter((d) => d.rule === 'qa/glossary');
    expect(composed(runCli(['validate', '--root', root, '--json']))).toEqual([]);
    // …until the glossary appears: every language is checked again.
    const glossary = path.join(root, 'translations/glossary.tbx');
    writeFileSync(glossary, tbx2([[['en', 'remittances'], ['fr', 'envois de fonds'], ['ar', 'التحويلات']]]));
    const first = runCli(['validate', '--root', root, '--json']);
    expect(first.status, first.stderr).toBe(0);
    expect(composed(first)).toContain('fr');
    // One unit of the sample's French says "expéditrices de fonds" for "senders of remittances": reported, with its line.
    const diagnostics = glossaryWarnings(first).filter((d) => d.file === 'translations/fr.po');
    const store = readFileSync(path.join(root, 'translations/fr.po'), 'utf8').split('\n');
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) expect(store.slice(d.line - 1, d.line + 2).join('\n')).toMatch(/msgid "[^"]*remittances/i);
    // The glossary gains that wording: the next validate finds nothing in French.
    writeFileSync(glossary, tbx2([[['en', 'remittances'], ['fr', 'envois de fonds'], ['fr', 'expéditrices de fonds']]]));
    const again = runCli(['validate', '--root', root, '--json']);
    expect(glossaryWarnings(again).filter((d) => d.file === 'translations/fr.po')).toEqual([]);
  });
});

describe('the next event', () => {
  it('folio init --from takes the glossary along', () => {
    const root = copyKit();
    const text = tbx2([[['en', 'remittances'], ['fr', 'envois de fonds']]]);
    writeFileSync(path.join(root, 'translations/glossary.tbx'), text);
    const next = path.join(mkdtempSync(path.join(os.tmpdir(), 'folio-next-')), 'kit');
    expect(runCli(['init', next, '--from', root]).status).toBe(0);
    expect(readFileSync(path.join(next, 'translations/glossary.tbx'), 'utf8')).toBe(text);
  });
});

describe('folio import and export of the glossary', () => {
  it('imports a TBX as the kit\'s glossary, exports it back with the same concepts; a broken one changes nothing', () => {
    const root = copyKit();
    const file = path.join(root, 'weblate-glossary.tbx');
    writeFileSync(file, tbx2([[['en', 'social partners'], ['fr', 'partenaires sociaux'], ['ar', 'الشركاء الاجتماعيون']], [['en', 'remittances'], ['fr', 'envois de fonds']]]));
    const imported = runCli(['import', file, '--root', root]);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('glossary (2 concepts) saved as translations/glossary.tbx');
    const exported = runCli(['export', '--root', root, '--lang', 'fr', '--format', 'tbx']);
    expect(exported.status, exported.stderr).toBe(0);
    const back = readTbx(utf8(exported.stdout));
    expect(back.problems).toEqual([]);
    expect(back.entries!.map((e) => [...e.terms])).toEqual([
      [['en', ['social partners']], ['fr', ['partenaires sociaux']], ['ar', ['الشركاء الاجتماعيون']]],
      [['en', ['remittances']], ['fr', ['envois de fonds']]],
    ]);
    const before = readFileSync(path.join(root, 'translations/glossary.tbx'));
    writeFileSync(file, '<martif><text><body><termEntry>');
    const broken = runCli(['import', file, '--root', root]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/weblate-glossary\.tbx:\d+:\d+: error: .*nothing in translations\/ changed/);
    expect(readFileSync(path.join(root, 'translations/glossary.tbx')).equals(before)).toBe(true);
  });
});
