/**
 * The whole chain through the real CLI: nomination forms generated, filled as a viewer would,
 * collected into participants.yaml, and personalised packs built from it — with no personal
 * data in the build report or the console.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyKit, fold, hasTool, pdfText, runCli } from '../helpers/kit.js';
import { fillNominationPdf } from '../../src/nominations/fill-pdf.js';
import { FontLibrary } from '../../src/text/fonts.js';

describe('nominations → participants → personalised packs', () => {
  it('round trip', async () => {
    const root = copyKit();
    expect(runCli(['build', '--root', root, '--only', 'nominations']).status).toBe(0);
    for (const file of ['fr/nominations/MA.pdf', 'fr/nominations/MA.docx', 'ar/nominations/MA.pdf', 'en/nominations/MT.pdf']) {
      expect(existsSync(path.join(root, 'out', file)), file).toBe(true);
    }
    const fonts = await FontLibrary.load();
    const inbox = path.join(root, 'inbox');
    mkdirSync(inbox);
    const form = new Uint8Array(readFileSync(path.join(root, 'out/fr/nominations/MA.pdf')));
    const filled = await fillNominationPdf(form, {
      'gov.1.name': 'Amal Benjelloun', 'gov.1.function': 'Directrice de la migration', 'gov.1.organisation': 'Ministère de l’Inclusion économique', 'gov.1.email': 'a.benjelloun@example.ma',
      'gov.2.name': 'Youssef El Idrissi', 'gov.2.function': 'Chef de division', 'gov.2.organisation': 'Ministère de l’Intérieur', 'gov.2.email': 'y.elidrissi@example.ma', 'gov.2.phone': '+212 600 00 00 00',
      'gov.3.name': 'سعاد العلوي', 'gov.3.function': 'مديرة', 'gov.3.organisation': 'وزارة الشؤون الخارجية', 'gov.3.email': 's.alaoui@example.ma',
    }, { fonts, lang: 'fr' });
    writeFileSync(path.join(inbox, 'maroc.pdf'), filled);
    const collect = runCli(['nominations', 'collect', inbox, '--root', root]);
    expect(collect.stderr).toBe('');
    expect(collect.status).toBe(0);
    expect(collect.stdout + collect.stderr).not.toContain('Benjelloun');
    const participants = readFileSync(path.join(root, 'sources/participants.yaml'), 'utf8');
    expect(participants).toContain('MA-government-1');
    expect(participants).toContain('Amal Benjelloun');

    const build = runCli(['build', '--root', root, '--only', 'packs', '--json']);
    expect(build.status, build.stderr).toBe(0);
    expect(build.stdout).not.toContain('Benjelloun');
    expect(build.stderr).not.toContain('Benjelloun');
    const report = JSON.parse(build.stdout) as { outputs: { path: string; pages?: number }[] };
    const personal = report.outputs.find((o) => o.path === 'fr/packs/MA-government-1.pdf');
    expect(personal).toBeDefined();
    const print = report.outputs.find((o) => o.path === 'print/fr.pdf')!;
    const pack = report.outputs.find((o) => o.path === 'fr/pack.pdf')!;
    expect(print.pages).toBe(3 * pack.pages!); // three delegates, each pack on fresh sheets
    expect(readFileSync(path.join(root, 'out/build-report.json'), 'utf8')).not.toContain('Benjelloun');
    if (hasTool('pdftotext')) {
      const cover = fold(pdfText(path.join(root, 'out/fr/packs/MA-government-1.pdf')));
      expect(cover).toContain('Amal Benjelloun');
    }

    // A form with more nominees than the quota allows is refused with the country and field named.
    const config = path.join(root, 'sources/seminar.yaml');
    // Morocco loses a government seat to Lebanon: the budget still balances.
    writeFileSync(config, readFileSync(config, 'utf8')
      .replace(/(code: MA[\s\S]*?quota: \{ government: )3/, '$12')
      .replace(/(code: LB[\s\S]*?quota: \{ government: )2/, '$13'));
    const over = runCli(['nominations', 'collect', inbox, '--root', root]);
    expect(over.status).toBe(1);
    expect(over.stderr).toMatch(/maroc\.pdf:1:1: error: .*MA.*gov.*\[nominations\/over-quota\]/i);
  });
});
