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

type Group = 'latin' | 'arabic' | 'hebrew';

/** Which stack a script prefers: its own, or the Latin family of the style. */
function scriptGroup(script: string): Group {
  if (script === 'Arab') return 'arabic';
  if (script === 'Hebr') return 'hebrew';
  return 'latin';
}

const FAMILY_INDEX: Record<FontFamily, number> = { serif: 0, sans: 1, mono: 2 };
const GROUP_INDEX: Record<Group, number> = { latin: 0, arabic: 1, hebrew: 2 };

interface Chain {
  files: string[];
  faces: (FontFace | undefined)[];
}

const libraries = new Map<string, Promise<FontLibrary>>();

export class FontLibrary {
  /** Faces parsed through this library, in first-use order. */
  private readonly used = new Set<FontFace>();
  /** Fallback chain per family, variant and script group; indexed by small integers (called per character). */
  private readonly chains: (Chain | undefined)[] = [];

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

  /** The folders the stacks' faces are chosen from. */
  packageDirs(): string[] {
    const p = this.packages;
    return [...new Set([p.latin.serif.dir, p.latin.sans.dir, p.latin.mono.dir, p.arabic.dir, p.hebrew.dir])].sort();
  }

  /** The licence files of the faces used so far (deduplicated, in first-use order). */
  licenceFiles(): string[] {
    return [...new Set(this.faces().map((f) => f.licenceFile).filter((f) => f !== ''))];
  }

  private open(chain: Chain, i: number): FontFace {
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

  private chain(style: Pick<TextStyle, 'family' | 'bold' | 'italic'>, script: string): Chain {
    const group = scriptGroup(script);
    const key = ((FAMILY_INDEX[style.family] ?? 0) * 4 + (style.bold ? 2 : 0) + (style.italic ? 1 : 0)) * 3 + GROUP_INDEX[group];
    let chain = this.chains[key];
    if (!chain) {
      const variant = variantOf(style);
      const { latin, arabic, hebrew } = this.packages;
      const others = (['serif', 'sans', 'mono'] as const).filter((f) => f !== style.family).map((f) => latin[f]);
      const own = latin[style.family];
      const order: FontPackageFiles[] =
        group === 'arabic' ? [arabic, own, hebrew, ...others] : group === 'hebrew' ? [hebrew, own, arabic, ...others] : [own, ...others, arabic, hebrew];
      const files = [...new Set(order.map((p) => p[variant]))];
      chain = { files, faces: files.map(() => undefined) };
      this.chains[key] = chain;
    }
    return chain;
  }
}
