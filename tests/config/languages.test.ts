/** Which languages folio makes documents in, and what follows from each one's script. */
import { describe, expect, it } from 'vitest';
import { isKnownLanguage, languageDirection, languageScript, scriptIsSet, scriptName, SUPPORTED_LANGUAGES } from '../../src/config/languages.js';
import { listComma } from '../../src/templates/lists.js';

describe('languages', () => {
  it('knows the sample\'s languages and any other CLDR names, never a made-up code or a common mistake', () => {
    for (const code of [...SUPPORTED_LANGUAGES, 'uk', 'bg', 'fa', 'sw', 'ur', 'yi', 'hi']) expect(isKnownLanguage(code), code).toBe(true);
    for (const code of ['zz', 'xx', 'gr', 'iw', 'gb', 'EN', 'en-GB', 'english', '']) expect(isKnownLanguage(code), code).toBe(false);
  });

  it('sets the scripts its fonts cover and refuses the others by name', () => {
    for (const code of ['en', 'uk', 'el', 'ar', 'fa', 'ur', 'he', 'yi']) expect(scriptIsSet(code), code).toBe(true);
    for (const code of ['hi', 'am', 'zh', 'ja', 'th', 'ka']) expect(scriptIsSet(code), code).toBe(false);
    expect(scriptName(languageScript('hi'))).toBe('Devanagari');
  });

  it('derives the direction and the list comma from the script', () => {
    expect(['ar', 'fa', 'ur', 'he', 'yi', 'ar-MA'].map(languageDirection)).toEqual(['rtl', 'rtl', 'rtl', 'rtl', 'rtl', 'rtl']);
    expect(['en', 'fr', 'uk', 'el', 'tr'].map(languageDirection)).toEqual(['ltr', 'ltr', 'ltr', 'ltr', 'ltr']);
    expect(['ar', 'fa', 'ps', 'ar-MA-u-nu-latn'].map(listComma)).toEqual(['\u060c ', '\u060c ', '\u060c ', '\u060c ']);
    expect(['en', 'he', 'uk'].map(listComma)).toEqual([', ', ', ', ', ']);
  });
});
