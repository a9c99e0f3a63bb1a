/**
 * The font stacks and per-character fallback through them.
 */
import { loadFace, type FontFace } from './font-face.js';
import { findFontPackage, type FontPackageFiles } from './font-files.js';
import type { FontFamily, TextStyle } from './style.js';

export type { FontFace } from './font-face.js';
export { FontFileError } from './font-face.js';
export { FontPackageError } from './font-files.js';

/**
 * Font packages per role: npm package names (`@expo-google-fonts/noto-serif`,
 * or the short `noto-serif`) or directories holding .ttf files.
 */
export interface FontStacks {
  latin: { serif: string; sans: string; mono: string };
  arabic: string;
  hebrew: string;
}

export const DEFAULT_FONT_STACKS: FontStacks = {
  latin: {
    serif: '@expo-google-fonts/noto-serif',
    sans: '@expo-google-fonts/noto-sans',
    mono: '@expo-google-fonts/noto-sans-mono',
  },
  arabic: '@expo-google-fonts/amiri',
  hebrew: '@expo-google-fonts/noto-sans-hebrew',
};

type Variant = 'regular' | 'bold' | 'italic' | 'boldItalic';

function variantOf(style: Pick<TextStyle, 'bold' | 'italic'>): Variant {
  return style.bold ? (style.italic ? 'boldItalic' : 'bold') : style.italic ? 'italic' : 'regular';
}

/** Which stack a script prefers: its own, or the Latin family of the style. */
function scriptGroup(script: string): 'arabic' | 'hebrew' | 'latin' {
  if (script === 'Arab') return 'arabic';
  if (script === 'Hebr') return 'hebrew';
  return 'latin';
}

const libraries = new Map<string, Promise<FontLibrary>>();

export class FontLibrary {
  /** Faces parsed through this library, in first-use order. */
  private readonly used = new Set<FontFace>();
  /** Fallback chain per style variant and script group. */
  private readonly chains = new Map<string, { files: string[]; faces: (FontFace | undefined)[] }>();

  private constructor(
    readonly stacks: FontStacks,
    private readonly packages: {
      latin: Record<FontFamily, FontPackageFiles>;
      arabic: FontPackageFiles;
      hebrew: FontPackageFiles;
    },
  ) {}

  /**
   * Resolves the font packages of the stacks (defaults: Noto Serif, Noto Sans,
   * Noto Sans Mono, Amiri, Noto Sans Hebrew). Faces are parsed on first use,
   * once per process. Throws {@link FontPackageError} for a missing package.
   */
  static load(stacks: Partial<FontStacks> = {}): Promise<FontLibrary> {
    const full: FontStacks = {
      latin: { ...DEFAULT_FONT_STACKS.latin, ...stacks.latin },
      arabic: stacks.arabic ?? DEFAULT_FONT_STACKS.arabic,
      hebrew: stacks.hebrew ?? DEFAULT_FONT_STACKS.hebrew,
    };
    const key = JSON.stringify(full);
    let library = libraries.get(key);
    if (!library) {
      library = (async () =>
        new FontLibrary(full, {
          latin: {
            serif: findFontPackage(full.latin.serif),
            sans: findFontPackage(full.latin.sans),
            mono: findFontPackage(full.latin.mono),
          },
          arabic: findFontPackage(full.arabic),
          hebrew: findFontPackage(full.hebrew),
        }))();
      libraries.set(key, library);
      library.catch(() => libraries.delete(key));
    }
    return library;
  }

  /**
   * The face that draws `codePoint` in this style: the preferred face for the
   * script (Arabic → the Arabic stack, Hebrew → the Hebrew stack, others → the
   * style's Latin family), then the other stacks in turn. Undefined when no
   * face has the character.
   */
  faceFor(style: Pick<TextStyle, 'family' | 'bold' | 'italic'>, codePoint: number, script: string): FontFace | undefined {
    const chain = this.chain(style, script);
    for (let i = 0; i < chain.files.length; i++) {
      const face = chain.faces[i] ?? this.open(chain, i);
      if (face.hasCodePoint(codePoint)) return face;
    }
    return undefined;
  }

  /** The first face of the chain: metrics for empty lines. */
  primaryFace(style: Pick<TextStyle, 'family' | 'bold' | 'italic'>, script: string): FontFace {
    const chain = this.chain(style, script);
    return chain.faces[0] ?? this.open(chain, 0);
  }

  /** All faces parsed so far through this library. */
  faces(): FontFace[] {
    return [...this.used];
  }

  /** The licence files of the faces used so far (deduplicated, in first-use order). */
  licenceFiles(): string[] {
    return [...new Set(this.faces().map((f) => f.licenceFile).filter((f) => f !== ''))];
  }

  private open(chain: { files: string[]; faces: (FontFace | undefined)[] }, i: number): FontFace {
    const file = chain.files[i]!;
    const face = loadFace(file, this.licenceFor(file));
    chain.faces[i] = face;
    this.used.add(face);
    return face;
  }

  private licenceFor(file: string): string {
    const all = [...Object.values(this.packages.latin), this.packages.arabic, this.packages.hebrew];
    return all.find((p) => [p.regular, p.bold, p.italic, p.boldItalic].includes(file))?.licenceFile ?? '';
  }

  private chain(style: Pick<TextStyle, 'family' | 'bold' | 'italic'>, script: string) {
    const group = scriptGroup(script);
    const variant = variantOf(style);
    const key = `${style.family}|${variant}|${group}`;
    let chain = this.chains.get(key);
    if (!chain) {
      const { latin, arabic, hebrew } = this.packages;
      const families: FontFamily[] = [style.family, ...(['serif', 'sans', 'mono'] as const).filter((f) => f !== style.family)];
      const order: FontPackageFiles[] =
        group === 'arabic'
          ? [arabic, latin[style.family], hebrew, ...families.slice(1).map((f) => latin[f])]
          : group === 'hebrew'
            ? [hebrew, latin[style.family], arabic, ...families.slice(1).map((f) => latin[f])]
            : [...families.map((f) => latin[f]), arabic, hebrew];
      const files = [...new Set(order.map((p) => p[variant]))];
      chain = { files, faces: files.map(() => undefined) };
      this.chains.set(key, chain);
    }
    return chain;
  }
}
