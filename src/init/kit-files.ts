/**
 * The files of a new kit (`folio init`): a commented configuration that validates as it is,
 * one theme brief and a concept note, in the kit's source language. Templates are not copied:
 * the built-in ones serve until the kit adds its own (templates/<name>.md.hbs).
 */
import { languageName } from '../config/languages.js';

export interface NewKit {
  /** The working languages, the first the source language. */
  languages: readonly string[];
  /** The event's first day, to date the example (ISO); the letters are dated two months before it. */
  start: string;
}

/** Path (POSIX, kit-relative) → text. */
export function newKitFiles(kit: NewKit): Map<string, string> {
  const [source] = kit.languages;
  const start = new Date(`${kit.start}T00:00:00Z`);
  const day = (offset: number) => new Date(start.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const files = new Map<string, string>();
  files.set('sources/seminar.yaml', `# The configuration of this event: every document folio makes follows it.
# Names, places and dates below are examples: replace them. The full list of keys is in
# folio's README ("Configuration"). Check the file with \`npx folio validate\`.

event:
  title: "Workshop on regional cooperation"
  # subtitle: "…"
  organisers:                      # in signing order; any number
    - short: ORG
      name: "Example Organisation"
      signatory: { honorific: Dr, name: "A. Signatory", title: "Director" }
      # logo: assets/logos/org.png # a PNG or JPEG of the kit: heads letters and pack covers
  host: "Government of Example"
  venue:
    name: "Conference centre"
    city: "Example City"
    country: "Example Country"
  dates: { start: "${day(0)}", end: "${day(1)}" }   # first and last day
  languages: [${kit.languages.join(', ')}]         # the first is the source language
  issued: "${day(-60)}"           # the date of the letters
  referencePrefix: "WRC"         # letters' references: WRC/${day(-60).slice(0, 4)}/MT-${(source ?? 'en').toUpperCase()}
  replyBy: "${day(-30)}"
  contact: { name: "A. Contact", role: "Secretariat", email: "secretariat@example.org" }

# The kinds of seat, in the order letters and nomination forms list them (key: name printed).
seats:
  government: "Government officials"
  socialPartners: "Employers' and workers' representatives"
  observers: "Observers"

# The country groups: per group, the kinds of seat its countries may have, their bounds
# (min, max) and whether the organisers pay for them (sponsored). Each rule is checked.
groups:
  partners:
    name: "Partner countries"
    seats:
      government: { min: 1, max: 2, sponsored: true }
      socialPartners: { max: 1, sponsored: true }
      observers: { max: 1 }        # at the country's own cost
  guests:
    name: "Invited countries"
    seats:
      observers: { max: 2 }

# Seats that must add up: here, the places the organisers pay for. A budget may be limited to
# groups (groups: [partners]) or kinds (seats: [government]), count every seat (count: all)
# and give a maximum instead of a total (max: 10).
budgets:
  - { name: "Sponsored places", total: 3 }

countries:                         # one invitation letter per country and language
  - code: MT                       # ISO 3166-1 alpha-2
    name: Malta
    group: partners                # one of the groups above
    languages: [${source}]
    addressee:
      title: "The Minister"
      ministry: "Ministry of Example Affairs"
      address: |
        1 Example Street
        Valletta
    quota: { government: 2, socialPartners: 1, observers: 1 }   # seats per kind (left out: 0)

programme:                         # day by day; a session's theme is a brief of sources/themes/
  - { day: 1, start: "09:00", end: "09:30", kind: opening, title: "Opening" }
  - { day: 1, start: "09:30", end: "11:00", kind: plenary, theme: 1, title: "The first theme", speakers: ["A. Speaker"] }
  - { day: 1, start: "11:00", end: "11:30", kind: break, title: "Coffee" }
  - { day: 2, start: "09:00", end: "10:00", kind: closing, title: "Conclusions" }
`);
  files.set('sources/concept-note.md', `---
id: concept-note
title: "Concept note"
---

## Background

Why the event takes place, and for whom. (Replace this text.)

## Objectives

- What the participants will take away.
`);
  files.set('sources/themes/01-first-theme.md', `---
id: theme-01
title: "The first theme"
---

## Purpose

What this theme is about. Add a file per theme: 02-second-theme.md, 03-…, numbered without gaps.

## Questions for discussion

1. A first question.
`);
  files.set('README.md', `# ${'Workshop on regional cooperation'}

A kit for [folio](https://www.npmjs.com/package/folio), in ${kit.languages.map((l) => languageName(l)).join(', ')}.

- \`npx folio build\` writes the documents into \`out/\`.
- \`npx folio validate\` checks the configuration, sources and translations.
- \`npx folio extract\` updates the translation stores (\`translations/<lang>.po\`) for translators.

The templates are folio's built-in ones; to change one, put your own copy in
\`templates/<name>.md.hbs\` (agenda, invitation, theme-brief, concept-note, handbook,
pack-cover, practical-information, participants, certificate, visa-letter).
`);
  files.set('.gitignore', 'out/\nnode_modules/\n');
  return files;
}
