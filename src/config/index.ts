export { loadConfig, parseConfig, type ConfigResult } from './load-config.js';
export { sponsoredSeats } from './seats.js';
export { SUPPORTED_LANGUAGES, LANGUAGE_NAMES, isSupportedLanguage, type LanguageCode } from './languages.js';
export { ISO_3166_ALPHA_2, isCountryCode } from './country-codes.js';
export type * from './types.js';
