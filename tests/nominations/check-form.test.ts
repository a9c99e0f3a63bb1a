import { describe, expect, it } from 'vitest';
import { checkNominationForm, isEmailAddress } from '../../src/nominations/check-form.js';
import { FORM_ID } from '../../src/nominations/fields.js';
import { declaredConfig, sampleConfig } from './helpers.js';

describe('isEmailAddress', () => {
  it('takes ordinary and international addresses', () => {
    for (const ok of ['a@b.org', 'first.last+tag@ministere.gouv.fr', 'o.hassan@mol.gov.eg', 'info@وزارة.مصر', 'x@sub-domain.example.co.uk']) expect(isEmailAddress(ok), ok).toBe(true);
  });
  it('refuses what is not one', () => {
    for (const bad of ['', 'name', 'name@', '@example.org', 'a@b', 'a@b.c', 'a b@c.org', 'a@@b.org', 'a@b..org', '.a@b.org', 'a.@b.org', 'a..b@c.org', 'a@-b.org', 'a@b.org, c@d.org', 'Name <a@b.org>']) {
      expect(isEmailAddress(bad), bad).toBe(false);
    }
  });
});

describe('checkNominationForm', () => {
  const config = sampleConfig();
  const form = (values: Record<string, string>, country = 'FR', lang = 'fr') => ({ country, lang, formId: FORM_ID, values: new Map(Object.entries(values)) });

  it('treats a row with only white space as empty, and normalises white space', () => {
    const result = checkNominationForm(form({
      'add.1.name': '  Jeanne\n  Moreau ', 'add.1.function': 'Conseillère', 'add.1.organisation': 'Ministère', 'add.1.email': ' j.moreau@travail.gouv.fr ', 'add.1.phone': ' ',
      'add.2.name': '   ', 'add.2.email': '',
    }), config, 'in/FR.pdf');
    expect(result.diagnostics).toEqual([]);
    expect(result.participants).toEqual([{ id: 'FR-additional-1', name: 'Jeanne Moreau', country: 'FR', kind: 'additional', sponsored: false, function: 'Conseillère', organisation: 'Ministère', email: 'j.moreau@travail.gouv.fr', language: 'fr' }]);
  });

  it('with declared seats: sponsored from the group, and a filled row of a kind the country no longer has refused, not dropped', () => {
    const declared = declaredConfig(config, { government: 1, observers: 1 });
    const person = (p: string) => ({ [`${p}.name`]: 'A', [`${p}.function`]: 'B', [`${p}.organisation`]: 'C', [`${p}.email`]: 'd@e.fr' });
    const ok = checkNominationForm(form({ ...person('government.1'), ...person('observers.1') }), declared, 'in/FR.pdf');
    expect(ok.diagnostics).toEqual([]);
    expect(ok.participants.map((p) => `${p.id}:${p.sponsored}`)).toEqual(['FR-government-1:true', 'FR-observers-1:false']);
    // The form was made when FR had experts' seats too (or the kind was renamed since).
    const stray = checkNominationForm(form({ ...person('government.1'), ...person('experts.2') }), declared, 'in/FR.pdf');
    expect(stray.participants).toEqual([]);
    expect(stray.diagnostics.map((d) => d.rule)).toEqual(['nominations/over-quota']);
    expect(stray.diagnostics[0]!.message).toContain('row experts.2 is filled in');
    expect(stray.diagnostics[0]!.message).not.toContain('d@e.fr');
  });

  it('counts sponsored rows on a north country as over its quota', () => {
    const result = checkNominationForm(form({ 'gov.1.name': 'A', 'gov.1.function': 'B', 'gov.1.organisation': 'C', 'gov.1.email': 'd@e.fr' }), config, 'in/FR.pdf');
    expect(result.participants).toEqual([]);
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['nominations/over-quota']);
    expect(result.diagnostics[0]!.message).toContain('France (FR): 1 government official nominated (rows government 1), but the quota in sources/seminar.yaml allows 0');
  });

  it('refuses a field with a bidi override (Trojan Source), naming the field and never the value', () => {
    const result = checkNominationForm(form({
      'add.1.name': 'Jeanne \u202eeruoM', 'add.1.function': 'Conseillère', 'add.1.organisation': 'Ministère \u2067du Travail', 'add.1.email': 'j.moreau@travail.gouv.fr',
    }), config, 'in/FR.pdf');
    expect(result.participants).toEqual([]);
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['nominations/bidi-control', 'nominations/bidi-control']);
    expect(result.diagnostics[0]!.message).toContain('add.1.name');
    expect(result.diagnostics[0]!.message).not.toContain('Jeanne');
  });
});
