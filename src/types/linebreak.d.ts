/** Minimal declarations for linebreak 1.x (UAX #14 break opportunities). */
declare module 'linebreak' {
  export interface Break {
    /** UTF-16 index where the next line may start. */
    position: number;
    /** A mandatory break (after a line feed and the like). */
    required: boolean;
  }

  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
