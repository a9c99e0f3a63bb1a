export * from './style.js';
export * from './fonts.js';
export * from './layout-paragraph.js';
export { scriptOf } from './scripts.js';
export { shapeStats } from './shape.js';
