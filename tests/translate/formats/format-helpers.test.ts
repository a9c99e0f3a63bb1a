import { describe, expect, it } from 'vitest';
import type { Content } from '../../../src/translate/content.js';
import { analyseCodePairs } from '../../../src/translate/formats/code-pairs.js';
import { normaliseLanguageTag, sameLanguageTag } from '../../../src/translate/formats/language-tag.js';
import { decodeNmtoken, encodeNmtoken } from '../../../src/translate/formats/nmtoken.js';
import { leastAdvanced, stateFromSdlConf, stateFromXliff2, stateToXliff2 } from '../../../src/translate/formats/unit-state.js';
import type { UnitState } from '../../../src/translate/formats/exchange.js';

const o = (id: string) => ({ kind: 'open', id, data: '' }) as const;
const c = (id: string) => ({ kind: 'close', id, data: '' }) as const;

describe('analyseCodePairs', () => {
  const roles = (content: Content) => Object.fromEntries([...analyseCodePairs(content)].map(([i, r]) => [i, `${r.partner ?? '-'}${r.nested ? ' nested' : ''}`]));

  it('pairs nested codes', () => {
    expect(roles([o('1'), 'a', o('2'), 'b', c('2'), c('1')])).toEqual({ 0: '5 nested', 2: '4 nested', 4: '2 nested', 5: '0 nested' });
  });

  it('leaves a crossing pair out of nesting, and the pair around it in', () => {
    expect(roles([o('1'), o('2'), c('1'), c('2')])).toEqual({ 0: '2', 1: '3 nested', 2: '0', 3: '1 nested' });
  });

  it('finds lone codes and pairs a reused id in order', () => {
    expect(roles([c('9'), o('1'), c('1'), o('1'), c('1'), o('8')])).toEqual({ 0: '-', 1: '2 nested', 2: '1 nested', 3: '4 nested', 4: '3 nested', 5: '-' });
  });
});

describe('encodeNmtoken', () => {
  it('leaves NMTOKENs alone and escapes the rest reversibly', () => {
    for (const id of ['1', 'b8f3a1', 'a.b-c_d:e', 'ü·ñ']) expect(encodeNmtoken(id)).toBe(id);
    expect(encodeNmtoken('a/b#c d')).toBe('a_x002F_b_x0023_c_x0020_d');
    expect(encodeNmtoken('_x0041_')).toBe('_x005F_x0041_');
    for (const id of ['a/b#c d', '_x0041_', 'x_y', '日本/語', '😀 smile', '']) expect(decodeNmtoken(encodeNmtoken(id))).toBe(id);
  });
});

describe('language tags', () => {
  it('normalises case for comparison', () => {
    expect(normaliseLanguageTag('FR-ca')).toBe('fr-CA');
    expect(normaliseLanguageTag('zh_hant_tw')).toBe('zh-Hant-TW');
    expect(normaliseLanguageTag('es-419')).toBe('es-419');
    expect(normaliseLanguageTag('en-x-Folio')).toBe('en-x-folio');
    expect(sameLanguageTag('en-us', 'EN-US')).toBe(true);
    expect(sameLanguageTag('fr-CA', 'fr-FR')).toBe(false);
  });
});

describe('unit states', () => {
  it('takes the least advanced', () => {
    expect(leastAdvanced(['final', 'translated', 'needs-review'])).toBe('needs-review');
    expect(leastAdvanced([])).toBeUndefined();
  });

  it('maps Trados confirmation levels', () => {
    expect(['Draft', 'Translated', 'RejectedTranslation', 'ApprovedTranslation', 'RejectedSignOff', 'ApprovedSignOff', undefined].map(stateFromSdlConf)).toEqual([
      'needs-review',
      'translated',
      'needs-translation',
      'final',
      'needs-review',
      'final',
      'new',
    ]);
  });

  it('carries all five states through XLIFF 2, with or without a target', () => {
    const states: UnitState[] = ['new', 'needs-translation', 'needs-review', 'translated', 'final'];
    for (const hasTarget of [true, false]) {
      for (const state of states) {
        const written = stateToXliff2(state, hasTarget);
        expect(stateFromXliff2(written.state, written.subState, hasTarget)).toBe(state);
      }
    }
    expect(stateFromXliff2('initial', undefined, true)).toBe('needs-review');
    expect(stateFromXliff2('reviewed', undefined, true)).toBe('final');
  });
});
