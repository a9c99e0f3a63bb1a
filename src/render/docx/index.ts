export { renderDocx, type DocxOptions } from './render-docx.js';
export { DEFAULT_FONTS, type DocxFonts } from './fonts.js';
