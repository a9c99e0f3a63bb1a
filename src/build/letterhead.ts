/**
 * The organisers' logos (`event.organisers[].logo`), read once per build like the sources'
 * images (inside the kit or `files.allow` only, checked, recorded for incremental builds), and
 * the letterhead block each language's letters and covers carry (`<!-- folio: letterhead -->`).
 */
import { diagnostic, kitRelative, type Diagnostic, type SourcePlace } from '../diagnostics/diagnostic.js';
import { readSourceImage, type ImageInfo } from '../document/images.js';
import type { Letterhead } from '../document/model.js';
import type { SeminarConfig } from '../config/types.js';
import { DEFAULT_LETTERHEAD } from '../config/schema/event.js';

/** Points per millimetre. */
const PT_PER_MM = 72 / 25.4;

/** Each organiser's logo, in the organisers' order (undefined where it has none or it cannot be used). */
export type Logos = ((ImageInfo & { place: SourcePlace }) | undefined)[];

export function loadLogos(
  config: SeminarConfig,
  root: string,
  reads: Map<string, string>,
): { logos: Logos; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const logos = config.event.organisers.map((organiser, index) => {
    const logo = organiser.logo;
    if (!logo) return undefined;
    const where = `event.organisers[${index}].logo`;
    const place = kitRelative(root, logo.place);
    const loaded = readSourceImage(logo.file, root, { root, allow: config.files?.allow, reads });
    if (loaded === undefined) {
      diagnostics.push(diagnostic(place, 'error', 'config/logo',
        `${where}: there is no file ${logo.file} in the kit. Write the path of ${organiser.short}'s logo (PNG or JPEG) relative to the kit folder, e.g. assets/logos/${organiser.short.toLowerCase()}.png.`));
      return undefined;
    }
    if ('problem' in loaded) {
      diagnostics.push(diagnostic(place, 'error', loaded.problem.rule, `${where}: ${loaded.problem.message}`));
      return undefined;
    }
    return { ...loaded, place };
  });
  return { logos, diagnostics };
}

/**
 * The letterhead of one language's documents: the logos there are, each described by its
 * organiser's name in that language (the alternative text screen readers read).
 */
export function letterheadOf(config: SeminarConfig, logos: Logos, nameIn: (name: string) => string): Letterhead | undefined {
  const images = config.event.organisers.flatMap((organiser, index) => {
    const logo = logos[index];
    return logo ? [{ type: 'image' as const, ...logo, alt: nameIn(organiser.name) }] : [];
  });
  if (images.length === 0) return undefined;
  const settings = config.event.letterhead ?? DEFAULT_LETTERHEAD;
  return { type: 'letterhead', logos: images, layout: settings.layout, height: settings.height * PT_PER_MM };
}
