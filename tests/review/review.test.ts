/**
 * `folio review`: the page's content (every unit once, its state, findings, terms, escaping), its
 * links checked against the PDFs' own text, and the page itself in a real browser (Debian's
 * Chromium driven by playwright-core): no console error, filters that filter, links that resolve.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePo, writePo } from '../../src/translate/formats/po.js';
import { escapeHtml, highlight, reviewHtml } from '../../src/review/review-html.js';
import { literalPieces } from '../../src/review/review-units.js';
import { toContent } from '../../src/translate/content-markdown.js';
import { contentText } from '../../src/translate/content.js';
import { syntaxOf } from '../../src/translate/qa.js';
import { copyBuiltKit, copyKit, fold, hasTool, realTool, runCli } from '../helpers/kit.js';

describe('the review page, as a function', () => {
  it('escapes every text of the kit: markup in a unit shows as text, never as markup', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)> & "quoted" \'single\'';
    const html = reviewHtml({
      lang: 'fr', sourceLang: 'en', pdfHref: (p) => `../${p}`,
      units: [{
        id: 'u-1', context: '"><b>ctx', source: hostile, targets: [hostile], state: 'fuzzy', previousSource: `${hostile} old`, references: ['sources/a"b.md:1'],
        document: 'sources/<doc>.md', findings: [{ severity: 'error', rule: 'qa/x', message: '<i>m</i>' }], terms: [{ source: 'script', targets: ['<s>'] }],
        printed: { pdf: 'fr/"x".pdf', page: 2 },
      }],
    });
    // One script element (the page's own) and no element from the kit's texts.
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<img|<b>|<i>|<s>|<doc>/);
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('href="../fr/&#34;x&#34;.pdf#page=2"');
  });

  it('marks glossary terms as whole words in any case, escaped, overlapping terms once', () => {
    expect(highlight('Remittances & remittance flows', ['remittances'])).toBe('<mark class="term">Remittances</mark> &#38; remittance flows');
    expect(highlight('social partners', ['social partners', 'partners'])).toBe('<mark class="term">social partners</mark>');
    expect(highlight('a<b', [])).toBe(escapeHtml('a<b'));
  });

  it('looks for a message by the text between its arguments, without Markdown marks', () => {
    expect(literalPieces('The organisers offer {country} **{seats, plural, one {one place} other {# places}}**, covering travel.', 'icu'))
      .toEqual(['The organisers offer ', ', covering travel.']);
    expect(literalPieces("A '{'literal'}' brace {x}", 'icu')).toEqual(['A {literal} brace ']);
  });
});

/** The sample kit, built, with a French store made to have every state and a QA finding, and a glossary. */
function preparedKit(): { root: string; fuzzyId: string; untranslatedId: string; qaId: string } {
  const root = copyBuiltKit();
  const file = path.join(root, 'translations', 'fr.po');
  const catalog = parsePo(readFileSync(file, 'utf8')).catalog!;
  const find = (source: string) => {
    const index = catalog.entries.findIndex((e) => e.msgid === source);
    if (index < 0) throw new Error(`test setup: no unit "${source}"`);
    return index;
  };
  const fuzzy = find('Specific goals');
  catalog.entries[fuzzy] = { ...catalog.entries[fuzzy]!, flags: ['fuzzy'], previous: { msgctxt: 'concept-note', msgid: 'Specific aims' } };
  const untranslated = find('Main objective');
  catalog.entries[untranslated] = { ...catalog.entries[untranslated]!, msgstr: [''] };
  const qa = find('The seminar will:');
  catalog.entries[qa] = { ...catalog.entries[qa]!, msgstr: ['Le séminaire <b>permettra</b> en 2027 :'] };
  writeFileSync(file, writePo(catalog));
  writeFileSync(path.join(root, 'translations', 'glossary.tbx'), '<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en"><text><body><termEntry id="c1"><langSet xml:lang="en"><tig><term>handbook</term></tig></langSet><langSet xml:lang="fr"><tig><term>Manuel</term></tig></langSet><langSet xml:lang="ar"><tig><term>الدليل</term></tig></langSet></termEntry></body></text></martif>\n');
  // The store's entries are numbered in file order on the page (u-N).
  return { root, fuzzyId: `u-${fuzzy + 1}`, untranslatedId: `u-${untranslated + 1}`, qaId: `u-${qa + 1}` };
}

interface Row { id: string; state: string; document: string; qa: string; href?: string; html: string }

function rowsOf(html: string): Row[] {
  return html.split('<tr id="').slice(1).map((chunk) => {
    const html = chunk.slice(0, chunk.indexOf('</tr>'));
    const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(html)?.[1] ?? '';
    const href = /class="printed" href="([^"]*)"/.exec(html)?.[1];
    return { id: html.slice(0, html.indexOf('"')), state: attr('data-state'), document: attr('data-document'), qa: attr('data-qa'), html, ...(href ? { href } : {}) };
  });
}

const unescape = (text: string) => text.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));

describe('folio review on the sample kit', () => {
  let kit: ReturnType<typeof preparedKit>;
  let pages: Record<string, string>;
  beforeAll(() => {
    kit = preparedKit();
    const result = runCli(['review', '--root', kit.root]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/review\/fr\.html: \d+ units, \d+ linked/);
    // The French store and the glossary changed since the build: the review says the PDFs are from an earlier state.
    expect(result.stderr).toMatch(/the fr PDFs in .* were built from an earlier state of the kit/);
    pages = Object.fromEntries(['fr', 'ar'].map((lang) => [lang, readFileSync(path.join(kit.root, 'out', 'review', `${lang}.html`), 'utf8')]));
  });

  it('after a build of some documents only: no "earlier state", but the PDFs not built are named', () => {
    const root = copyKit();
    expect(runCli(['build', '--root', root, '--lang', 'fr', '--only', 'concept-note', '--format', 'pdf']).status).toBe(0);
    const result = runCli(['review', '--root', root, '--lang', 'fr']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('earlier state');
    expect(result.stderr).toMatch(/of the PDFs it links to are not in .* yet \(fr\/agenda\.pdf/);
  });

  it('shows every unit of the store once, in its state, grouped by the file of its first reference', () => {
    for (const lang of ['fr', 'ar']) {
      const catalog = parsePo(readFileSync(path.join(kit.root, 'translations', `${lang}.po`), 'utf8')).catalog!;
      const live = catalog.entries.filter((e) => !e.obsolete);
      const rows = rowsOf(pages[lang]!);
      expect(rows).toHaveLength(live.length);
      expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
      rows.forEach((row) => {
        const entry = catalog.entries[Number(row.id.slice(2)) - 1]!;
        expect(entry.obsolete).toBe(false);
        const state = entry.msgstr[0] === '' ? 'untranslated' : entry.flags.includes('fuzzy') ? 'fuzzy' : 'translated';
        expect(row.state).toBe(state);
        expect(row.document).toBe(entry.references[0]!.replace(/:\d+$/, ''));
      });
    }
    const fr = rowsOf(pages.fr!);
    const byId = (id: string) => fr.find((r) => r.id === id)!;
    expect(byId(kit.fuzzyId).state).toBe('fuzzy');
    // The fuzzy unit shows what changed in the source since it was translated.
    expect(byId(kit.fuzzyId).html).toMatch(/<del>aims<\/del><ins>goals<\/ins>|<del>[^<]*aims[^<]*<\/del>/);
    expect(byId(kit.untranslatedId).state).toBe('untranslated');
    const qa = byId(kit.qaId);
    expect(qa.qa).toBe('yes');
    expect(qa.html).toContain('qa/numbers');
    // The translation's markup is shown as text.
    expect(qa.html).toContain('&#60;b&#62;permettra&#60;/b&#62;');
  });

  it('highlights the glossary\'s terms in source and translation', () => {
    const rows = rowsOf(pages.fr!).filter((r) => r.html.includes('glossary: handbook'));
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.some((r) => /<mark class="term">[Hh]andbook<\/mark>/.test(r.html) && r.html.includes('<mark class="term">Manuel</mark>'))).toBe(true);
    expect(pages.ar!).toContain('<mark class="term">الدليل</mark>');
  });

  it('sets the translation right to left in Arabic, left to right in French', () => {
    expect(pages.ar!).toMatch(/<td lang="ar" dir="rtl">/);
    expect(pages.ar!).not.toMatch(/<td lang="ar" dir="ltr">/);
    expect(pages.fr!).toMatch(/<td lang="fr" dir="ltr">/);
  });

  it('links each Markdown unit to the page whose text holds it (pdftotext of that page)', () => {
    if (!hasTool('pdftotext')) return;
    const catalog = parsePo(readFileSync(path.join(kit.root, 'translations', 'fr.po'), 'utf8')).catalog!;
    // The units the test changed print otherwise once the kit is built again (the review said so).
    const changed = new Set([kit.fuzzyId, kit.untranslatedId, kit.qaId]);
    const rows = rowsOf(pages.fr!).filter((r) => !changed.has(r.id));
    const texts = new Map<string, string[]>();
    const pageText = (pdf: string, page: number) => {
      if (!texts.has(pdf)) {
        const out = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
        texts.set(pdf, out.stdout.split('\f').map(fold));
      }
      return texts.get(pdf)![page - 1];
    };
    let checked = 0;
    const wrong: string[] = [];
    // Compared without spaces and hyphens: pdftotext joins a word broken after a hyphen, and guesses spaces from gaps.
    const bare = (text: string) => text.replace(/[\s\u00a0\u202f\u2009\u00ad\u2010-]/gu, '');
    rows.forEach((row) => {
      const entry = catalog.entries[Number(row.id.slice(2)) - 1]!;
      if (!row.href || syntaxOf(entry) !== 'markdown' || !entry.references[0]!.startsWith('sources/')) return;
      const [file, fragment] = unescape(row.href).split('#');
      const pdf = path.resolve(kit.root, 'out', 'review', file!);
      expect(existsSync(pdf), pdf).toBe(true);
      const page = Number(/^page=(\d+)$/.exec(fragment!)![1]);
      // What prints: the translation when it is published, else the source.
      const printed = row.state === 'translated' ? entry.msgstr[0]! : entry.msgid;
      const words = fold(contentText(toContent(printed, 'markdown'))).split(' ').slice(0, 3).join(' ');
      const text = pageText(pdf, page);
      if (text === undefined || !bare(text).includes(bare(words))) wrong.push(`${row.id} ${file} p.${page}: "${words}"`);
      checked++;
    });
    expect(checked).toBeGreaterThan(700);
    expect(wrong).toEqual([]);
  });

  describe('in Chromium', () => {
    // playwright-core drives the system's browser (Debian's chromium; .ci/run installs it): it never downloads one.
    const executable = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
    const available = realTool('Chromium', [executable ?? 'chromium', '--version'], 'apt-get install chromium');
    type Browser = import('playwright-core').Browser;
    let browser: Browser | undefined;
    beforeAll(async () => {
      if (!available) return;
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({
        executablePath: executable!,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
    }, 60_000);
    afterAll(async () => { await browser?.close(); });

    for (const lang of ['fr', 'ar']) {
      it(`${lang}: loads with no console error, its filters filter, its links resolve`, async () => {
        if (!browser) return;
        const page = await browser.newPage();
        const problems: string[] = [];
        page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
        page.on('pageerror', (e) => problems.push(e.message));
        page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
        const file = path.join(kit.root, 'out', 'review', `${lang}.html`);
        await page.goto(pathToFileURL(file).href);
        const visible = () => page.locator('tr.unit:visible').count();
        const total = await page.locator('tr.unit').count();
        expect(total).toBeGreaterThan(500);
        expect(await visible()).toBe(total);
        expect(await page.locator('#shown').textContent()).toBe(String(total));
        const counts = Object.fromEntries(await Promise.all(['translated', 'fuzzy', 'untranslated'].map(async (s) => [s, await page.locator(`tr.unit[data-state="${s}"]`).count()] as const)));

        // Only what is not translated yet.
        await page.locator('input[name=state][value=translated]').uncheck();
        expect(await visible()).toBe(counts.fuzzy! + counts.untranslated!);
        expect(await page.locator('tr.unit[data-state="translated"]:visible').count()).toBe(0);
        await page.locator('input[name=state][value=translated]').check();

        // One document: its units only, the other sections hidden.
        const document = 'sources/concept-note.md';
        await page.locator('select[name=document]').selectOption(document);
        const inDocument = await page.locator(`tr.unit[data-document="${document}"]`).count();
        expect(inDocument).toBeGreaterThan(10);
        expect(await visible()).toBe(inDocument);
        expect(await page.locator('section.document:visible').count()).toBe(1);
        await page.locator('select[name=document]').selectOption('');

        // Units with QA findings.
        await page.locator('input[name=qa]').check();
        const withFindings = await page.locator('tr.unit[data-qa="yes"]').count();
        expect(await visible()).toBe(withFindings);
        if (lang === 'fr') expect(withFindings).toBeGreaterThan(0);
        await page.locator('input[name=qa]').uncheck();

        // The translation column's direction as the browser computes it.
        const direction = await page.locator(`tr.unit td[lang="${lang}"]`).first().evaluate((td) => getComputedStyle(td).direction);
        expect(direction).toBe(lang === 'ar' ? 'rtl' : 'ltr');

        // Every link: a PDF of the build, and a page it has.
        const hrefs = await page.locator('a.printed').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
        expect(hrefs.length).toBeGreaterThan(total * 0.8);
        const pageCounts = new Map<string, number>();
        for (const href of hrefs) {
          const url = new URL(href);
          const pdf = fileURLToPath(url);
          expect(existsSync(pdf), pdf).toBe(true);
          if (!pageCounts.has(pdf)) {
            const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
            pageCounts.set(pdf, Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1] ?? 0));
          }
          const n = Number(/^#page=(\d+)$/.exec(url.hash)?.[1]);
          expect(n).toBeGreaterThanOrEqual(1);
          expect(n).toBeLessThanOrEqual(pageCounts.get(pdf)!);
        }
        expect(problems).toEqual([]);
        await page.close();
      }, 60_000);
    }
  });
});
