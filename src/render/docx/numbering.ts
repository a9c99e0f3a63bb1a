/**
 * Numbering definitions for lists (numbering part, ECMA-376 §17.9).
 *
 * One abstract definition for bullets and one per distinct start number of ordered
 * lists, each with nine levels; every list block of the model is a new instance
 * (`w:num`) of its definition, so each list restarts at its own `start`, and a list
 * nested in an item uses the next level of its own instance.
 */
import { AlignmentType, LevelFormat, type ILevelsOptions, type NumberingDefinition } from 'docx';
import type { Direction } from '../../document/model.js';
import { LIST_INDENT } from './context.js';
import { startIndent } from './direction.js';

/** How a list's paragraphs refer to their numbering. */
export interface ListNumbering {
  reference: string;
  instance: number;
}

/** The distance from a list item's text back to its number or bullet, in twips. */
export const LIST_HANGING = 360;

const ORDERED_FORMATS = [
  { format: LevelFormat.DECIMAL, suffix: '.' },
  { format: LevelFormat.LOWER_LETTER, suffix: '.' },
  { format: LevelFormat.LOWER_ROMAN, suffix: '.' },
] as const;

/** Bullets that Noto Serif and Amiri both have. */
const BULLETS = ['\u2022', '\u2013', '\u2022'] as const;

/** Hands out numbering instances in document order; the same model always gets the same numbers. */
export class NumberingRegistry {
  private readonly starts = new Set<number>();
  private usesBullets = false;
  private lastInstance = 0;

  /** A new list: a fresh instance of the bullet definition or of the ordered definition starting at `start`. */
  startList(ordered: boolean, start: number): ListNumbering {
    this.lastInstance += 1;
    if (!ordered) {
      this.usesBullets = true;
      return { reference: 'bullet', instance: this.lastInstance };
    }
    const first = Number.isInteger(start) && start >= 0 ? start : 1;
    this.starts.add(first);
    return { reference: `ordered-${first}`, instance: this.lastInstance };
  }

  /** The definitions used so far, for the document's `numbering.config`. */
  definitions(direction: Direction): NumberingDefinition[] {
    const config: NumberingDefinition[] = [];
    if (this.usesBullets) config.push({ reference: 'bullet', levels: levels(direction, bulletLevel) });
    for (const start of [...this.starts].sort((a, b) => a - b)) {
      config.push({ reference: `ordered-${start}`, levels: levels(direction, (level) => orderedLevel(level, start)) });
    }
    return config;
  }
}

function levels(direction: Direction, make: (level: number) => Omit<ILevelsOptions, 'level' | 'style'>): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    ...make(level),
    alignment: AlignmentType.START,
    style: { paragraph: { indent: startIndent((level + 1) * LIST_INDENT, direction, LIST_HANGING) } },
  }));
}

function bulletLevel(level: number): Omit<ILevelsOptions, 'level' | 'style'> {
  return { format: LevelFormat.BULLET, text: BULLETS[level % BULLETS.length]! };
}

function orderedLevel(level: number, start: number): Omit<ILevelsOptions, 'level' | 'style'> {
  const { format, suffix } = ORDERED_FORMATS[level % ORDERED_FORMATS.length]!;
  return { format, text: `%${level + 1}${suffix}`, start };
}
