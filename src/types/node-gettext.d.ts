/** The part of node-gettext 3.x folio reads: its table of gettext plural forms per language. */
declare module 'node-gettext/lib/plurals.js' {
  const plurals: Record<string, { name: string; nplurals: number; pluralsText: string; pluralsFunc: (n: number) => number }>;
  export default plurals;
}
