export * from './style.js';
export * from './fonts.js';
export * from './layout-paragraph.js';
export { scriptOf, resolveScripts } from './scripts.js';
export { isInvisibleControl } from './controls.js';
export { shapeStats } from './shape.js';
