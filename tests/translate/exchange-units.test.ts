/** A unit whose markup came back as text (a PO of folio's XLIFF made into XLIFF again): its codes found again. */
import { describe, expect, it } from 'vitest';
import { markupToContent, sourceMatch, targetText } from '../../src/translate/exchange-units.js';
import type { PoEntry } from '../../src/translate/formats/po.js';

const entry = (msgid: string, msgctxt = 'chapter-01'): PoEntry => ({ msgctxt, msgid, msgstr: [''], translatorComments: [], extractedComments: [], references: [], flags: [], obsolete: false });

describe('markup as text', () => {
  it('matches a source written with its markup as text, and finds the codes in the translation', () => {
    const e = entry('Read **the handbook** and [the guide](https://x.org/a\\&b).[^1]');
    expect(sourceMatch(e, ['Read **the handbook** and [the guide](https://x.org/a&b).[^1]'], 'fr')).toBe('text');
    // The link's address as the code holds it (the same address as the store's `a\&b`).
    expect(targetText(e, markupToContent(e, 'Lisez **le manuel** et [le guide](https://x.org/a&b).[^1]'))).toBe('Lisez **le manuel** et [le guide](https://x.org/a&b).[^1]');
  });

  it('takes a literal bracket or asterisk for text, not for a code, when its partner does not follow', () => {
    const e = entry('See [the guide](https://x.org).');
    expect(targetText(e, markupToContent(e, 'Voir [sic] [le guide](https://x.org).'))).toBe('Voir \\[sic\\] [le guide](https://x.org).');
    const bold = entry('A **b** c');
    expect(targetText(bold, markupToContent(bold, 'Un **b** c, 5 * 3'))).toBe('Un **b** c, 5 \\* 3');
  });
});
