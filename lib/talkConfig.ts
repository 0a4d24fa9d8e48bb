import type { Finding } from './finding'
import { AA_TEXT, contrastRatio, DECK_BACKGROUNDS, mix, toHex } from './contrast'
import { nearest } from './nearest'

/**
 * The headmatter of slides.md is where a fork makes the talk its own. A mistyped key there
 * would otherwise be ignored without a word (Slidev accepts any key), and the title slide
 * would quietly show the old name; so every key must be one Slidev knows or one of ours.
 */

/** Our keys: the talk's identity, read by the title slide, the PDFs and the handout. */
export const TALK_KEYS = [
  'title',
  'subtitle',
  'author',
  'affiliation',
  'event',
  'date',
  'logo',
  'accent',
  'bibliography',
  'sourceOutline',
  'url',
] as const

/** Slidev's headmatter options (its getDefaultConfig) and the first slide's frontmatter. */
export const SLIDEV_KEYS = [
  'theme',
  'titleTemplate',
  'addons',
  'remoteAssets',
  'monaco',
  'monacoTypesSource',
  'monacoTypesAdditionalPackages',
  'monacoTypesIgnorePackages',
  'monacoRunAdditionalDeps',
  'monacoRunUseStrict',
  'download',
  'export',
  'info',
  'highlighter',
  'twoslash',
  'lineNumbers',
  'colorSchema',
  'routerMode',
  'aspectRatio',
  'canvasWidth',
  'exportFilename',
  'selectable',
  'themeConfig',
  'fonts',
  'favicon',
  'drawings',
  'plantUmlServer',
  'codeCopy',
  'magicMoveCopy',
  'record',
  'css',
  'presenter',
  'browserExporter',
  'htmlAttrs',
  'transition',
  'editor',
  'mcp',
  'contextMenu',
  'wakeLock',
  'pwa',
  'remote',
  'mdc',
  'comark',
  'seoMeta',
  'notesAutoRuby',
  'duration',
  'timer',
  'magicMoveDuration',
  'shiki',
  'preloadImages',
  'clickAnimation',
  'keywords',
  'defaults',
  'hideInToc',
  'katex',
  'unocss',
  // frontmatter of the title slide itself
  'layout',
  'class',
  'background',
  'clicks',
  'clicksStart',
  'level',
  'routeAlias',
  'zoom',
  'dragPos',
  'hide',
  'disabled',
  'preload',
  'src',
  'image',
  'backgroundSize',
]

export interface TalkIdentity {
  title: string
  subtitle?: string
  author?: string
  affiliation?: string
  event?: string
  date?: string
  /** An image in public/, as a path from slides.md: `public/logo.svg`. */
  logo?: string
  accent?: string
  bibliography?: string
  /** The outline of the lecture this deck reproduces, checked by `npm test` (README). */
  sourceOutline?: string
}

/**
 * The logo is an ordinary file of the repository in public/, the folder Slidev copies to
 * the root of the built site (and serves in dev), so the site, both PDFs and the offline
 * copy (the service worker caches images) all have it. A logo anywhere else would exist in
 * the repository but not in the built site.
 */
export const LOGO_DIR = 'public'

/** Images every browser shows and Chromium prints into the PDFs; SVG stays vector there. */
export const LOGO_TYPES = ['svg', 'png', 'jpg', 'jpeg', 'webp'] as const

/** The headmatter's `logo` as a path with `/` and no `./` parts, or undefined for none. */
function logoValue(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim() || isAddress(value))
    return undefined
  const path = value.trim().replace(/\\/g, '/')
  return (path.startsWith('/')
    ? '/'
    : '') + path.split('/').filter(s => s && s !== '.').join('/')
}

/** `https://…`, `data:…`: not a file (a drive letter, `C:`, is one letter and so a file). */
function isAddress(value: string): boolean {
  return /^[a-z][\w+.-]+:/i.test(value.trim())
}

function isLogoType(path: string): boolean {
  const ext = path.match(/\.([^./]+)$/)?.[1]?.toLowerCase()
  return (LOGO_TYPES as readonly string[]).includes(ext ?? '')
}

function inLogoDir(path: string): boolean {
  const parts = path.split('/')
  return parts.length > 1 && parts[0] === LOGO_DIR && !parts.includes('..')
}

/**
 * "2026-11-22" -> "22 November 2026" on the title slide and the handout cover: no reader
 * mistakes the day for the month.
 */
export function formatDate(value: unknown): string | undefined {
  if (value == null || value === '')
    return undefined
  // YAML makes `date: 2026-11-22` a Date; in the browser it arrives as an ISO string.
  const iso = /^(\d{4}-\d{2}-\d{2})(?:T00:00:00(?:\.000)?Z)?$/.exec(String(value))
  const d = value instanceof Date
    ? value
    : iso
      ? new Date(`${iso[1]}T00:00:00Z`)
      : undefined
  if (!d || Number.isNaN(d.getTime()))
    return String(value)
  return d.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
}

/**
 * Where the built site serves the logo: public/ becomes the site's root, which is the base
 * the site was built for (`--base /talk/` on GitHub Pages), so `public/logo.svg` is
 * `/talk/logo.svg`. Undefined when there is no usable logo: nothing is shown, no empty box.
 */
export function logoUrl(value: unknown, base: string): string | undefined {
  const path = logoValue(value)
  if (!path || !inLogoDir(path) || !isLogoType(path))
    return undefined
  const root = base.endsWith('/')
    ? base
    : `${base}/`
  return root + path.split('/').slice(1).map(encodeURIComponent).join('/')
}

/** Text for the logo image: whose logo it is, when the headmatter says. */
export function logoAlt(headmatter: Record<string, unknown>): string {
  const who = typeof headmatter.affiliation === 'string'
    ? headmatter.affiliation.trim()
    : ''
  return who
    ? `${who} logo`
    : 'Logo'
}

/** Where each key sits in slides.md, so messages can point at the line. */
/** A headmatter line that sets a key. */
const KEY_LINE = /^([A-Z_][\w-]*)\s*:/i
/** A key the template shows commented out for a fork to fill in (`# url: https://...`). */
const COMMENTED_KEY_LINE = /^#\s*([A-Z_][\w-]*)\s*:/i

export function headmatterLines(markdown: string, keyLine = KEY_LINE): Map<string, number> {
  const lines = markdown.split('\n')
  const at = new Map<string, number>()
  if (lines[0]?.trim() !== '---')
    return at
  for (let i = 1; i < lines.length && lines[i]!.trim() !== '---'; i++) {
    const m = lines[i]!.match(keyLine)
    if (m)
      at.set(m[1]!, i + 1)
  }
  return at
}

/**
 * What slides.md and short.md ship with where a lecturer's own words belong: a clone presented
 * the same day would show these on the title slide, in every footer and on the handout's cover.
 */
export const TEMPLATE_VALUES = {
  author: 'Presenter\'s name',
  affiliation: 'Department, Institution',
} as const

const TEMPLATE_WHERE = {
  author: 'the title slide, every footer, the handout cover and the PDFs\' author',
  affiliation: 'the title slide and the handout cover',
} as const

/**
 * The template's stand-ins still in the headmatter. Not errors: the template itself builds
 * with them, and a rehearsal does not need a name. The build and `npm run dev` print them.
 */
export function templateReminders(file: string, markdown: string, headmatter: Record<string, unknown>): Finding[] {
  const lines = headmatterLines(markdown)
  return (Object.keys(TEMPLATE_VALUES) as (keyof typeof TEMPLATE_VALUES)[])
    .filter(key => typeof headmatter[key] === 'string' && headmatter[key].trim() === TEMPLATE_VALUES[key])
    .map(key => ({
      file,
      line: lines.get(key) ?? 1,
      column: 1,
      message: `'${key}' is still the template's "${TEMPLATE_VALUES[key]}", shown on ${TEMPLATE_WHERE[key]}: put yours there (README: Make it your talk).`,
    }))
}

/**
 * The same stand-ins left in another deck of the project (short.md beside slides.md) once this
 * one has the lecturer's own: a fork that put its name in slides.md built and presented, and
 * its 20-minute version still showed "Presenter's name" (found in a fork walkthrough). Named in
 * the other deck's file, at its line; nothing while this deck still has the template's too
 * (its own reminder says so), nor for a value the other deck has changed.
 */
/** The deck `npm run dev` and `npm run build` give: never one to delete. */
export const MAIN_DECK = 'slides.md'

export function siblingReminders(entry: string, headmatter: Record<string, unknown>, sibling: { file: string, markdown: string, headmatter: Record<string, unknown> }): Finding[] {
  const lines = headmatterLines(sibling.markdown)
  const own = (value: unknown): value is string => typeof value === 'string' && value.trim() !== ''
  return (Object.keys(TEMPLATE_VALUES) as (keyof typeof TEMPLATE_VALUES)[])
    .filter(key => own(headmatter[key]) && headmatter[key].trim() !== TEMPLATE_VALUES[key]
      && own(sibling.headmatter[key]) && sibling.headmatter[key].trim() === TEMPLATE_VALUES[key])
    .map(key => ({
      file: sibling.file,
      line: lines.get(key) ?? 1,
      column: 1,
      message: `'${key}' is still the template's "${TEMPLATE_VALUES[key]}", where ${entry} has yours: ${sibling.file} is a talk of its own, and shows it on ${TEMPLATE_WHERE[key]}. Put yours there too${sibling.file === MAIN_DECK
        ? ''
        : `, or delete ${sibling.file} if you do not give that talk`} (README: Make it your talk).`,
    }))
}

/**
 * No `url:`, while a slide offers the audience the slides and the handout to take away (the
 * closing slide's links): in the hall they see the offer and no address or code to take them
 * by. Named at the template's `# url:` comment line where the headmatter keeps it.
 */
export function urlReminder(file: string, markdown: string, headmatter: Record<string, unknown>, offersDownloads: boolean): Finding[] {
  const url = headmatter.url
  if ((typeof url === 'string'
    ? url.trim()
    : url ?? '') !== '' || !offersDownloads) {
    return []
  }
  return [
    {
      file,
      line: headmatterLines(markdown, COMMENTED_KEY_LINE).get('url') ?? 1,
      column: 1,
      message: 'no \'url\': the closing slide offers the slides and the handout, but the hall gets no address or QR code to take them by. Add the address the deck is published at (url: https://you.github.io/your-repository/); a deck you do not publish can ignore this.',
    },
  ]
}

export function checkHeadmatter(file: string, markdown: string, headmatter: Record<string, unknown>, exists: (path: string) => boolean): Finding[] {
  const lines = headmatterLines(markdown)
  const known = new Set<string>([
    ...TALK_KEYS,
    ...SLIDEV_KEYS,
  ])
  const out: Finding[] = []
  const at = (key: string) => ({ file, line: lines.get(key) ?? 1, column: 1 })
  for (const key of Object.keys(headmatter)) {
    if (known.has(key))
      continue
    const hint = key === 'presenter'
      ? []
      : nearest(key, [
          ...TALK_KEYS,
          ...SLIDEV_KEYS,
        ], 2)
    out.push({
      ...at(key),
      message: `unknown headmatter key '${key}'. ${hint.length
        ? `Did you mean '${hint.join('\' or \'')}'? `
        : ''}The talk's own keys are: ${TALK_KEYS.join(', ')} (and Slidev's options).`,
    })
  }
  if (typeof headmatter.presenter === 'string') {
    out.push({
      ...at('presenter'),
      message: `'presenter' is Slidev's switch for the presenter view (true/false/"dev"/"build"); put the presenter's name in 'author'.`,
    })
  }
  if (typeof headmatter.title !== 'string' || !headmatter.title.trim()) {
    out.push({
      ...at('title'),
      message: `the talk needs a 'title' (text): it is the title slide, the PDF title and the handout cover.`,
    })
  }
  for (const key of [
    'subtitle',
    'author',
    'affiliation',
    'event',
    'logo',
    'bibliography',
    'sourceOutline',
  ] as const) {
    const v = headmatter[key]
    if (v !== undefined && v !== null && typeof v !== 'string') {
      out.push({
        ...at(key),
        message: `'${key}' should be text, got ${JSON.stringify(v)}. Put it in quotes.`,
      })
    }
  }
  const date = headmatter.date
  if (date !== undefined && !(typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(date)))) {
    out.push({
      ...at('date'),
      message: `'date' should be a day as YYYY-MM-DD (e.g. 2026-11-22), got ${JSON.stringify(date)}.`,
    })
  }
  const accent = headmatter.accent
  if (accent !== undefined && !(typeof accent === 'string' && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(accent))) {
    out.push({
      ...at('accent'),
      message: `'accent' should be a colour as #rrggbb (e.g. "#0b5cad"), in quotes, got ${JSON.stringify(accent)}.`,
    })
  }
  // Titles are set in the accent on the light background as given; the dark scheme and
  // its 7:1 variant are derived (lib/contrast.ts accentOnDark), so only light can fail.
  else if (typeof accent === 'string' && contrastRatio(accent, DECK_BACKGROUNDS.light) < AA_TEXT) {
    out.push({
      ...at('accent'),
      message: `'accent' ${accent} is too light for text on the white slide: contrast ${contrastRatio(accent, DECK_BACKGROUNDS.light).toFixed(2)}:1, WCAG AA needs ${AA_TEXT}:1. Pick a darker shade (e.g. "${darkerForLight(accent)}"); the dark scheme lightens it by itself.`,
    })
  }
  for (const key of ['bibliography', 'sourceOutline'] as const) {
    const v = headmatter[key]
    if (typeof v === 'string' && v && !exists(v)) {
      out.push({
        ...at(key),
        message: `'${key}' names ${v}, which does not exist. Fix the path (relative to slides.md).`,
      })
    }
  }
  const url = headmatter.url
  if (url !== undefined && url !== null && !(typeof url === 'string' && isWebAddress(url))) {
    out.push({
      ...at('url'),
      message: `'url' should be the address the deck is published at, as https://..., got ${JSON.stringify(url)} (e.g. url: https://you.github.io/your-repository/). Leave it out for no QR code.`,
    })
  }
  const logo = checkLogo(headmatter.logo, exists)
  if (logo) {
    out.push({
      ...at('logo'),
      message: `logo: ${logo}`,
    })
  }
  return out
}

/** An absolute http(s) address with a host: what a phone can open from a QR code. */
function isWebAddress(value: string): boolean {
  try {
    const u = new URL(value.trim())
    return (u.protocol === 'https:' || u.protocol === 'http:') && Boolean(u.hostname) && !/\s/.test(value.trim())
  }
  catch {
    return false
  }
}

/** What is wrong with the `logo` key, if anything; no key or an empty one means no logo. */
function checkLogo(value: unknown, exists: (path: string) => boolean): string | undefined {
  const hint = `e.g. logo: ${LOGO_DIR}/logo.svg`
  // A lecture hall may have no network, and the PDFs would print without it.
  if (typeof value === 'string' && isAddress(value))
    return `${value.trim()} is an address, not a file; save the image in ${LOGO_DIR}/ and give its path (${hint}).`
  const path = logoValue(value)
  if (!path)
    return undefined
  if (!isLogoType(path))
    return `${path} is not an image the slides can show; use an SVG or PNG (or JPEG, WebP) in ${LOGO_DIR}/ (${hint}).`
  if (!exists(path))
    return `no file at ${path}; put the image in ${LOGO_DIR}/ (or fix the path: it is relative to slides.md, ${hint}).`
  if (!inLogoDir(path))
    return `${path} is not in ${LOGO_DIR}/, so the built site would not have it; move it into ${LOGO_DIR}/ (${hint}).`
  return undefined
}

/** The accent mixed with black in 5 % steps until it reads on white: a suggestion to print. */
function darkerForLight(accent: string): string {
  for (let pct = 5; pct <= 100; pct += 5) {
    const c = toHex(mix(accent, '#000000', pct / 100))
    if (contrastRatio(c, DECK_BACKGROUNDS.light) >= AA_TEXT)
      return c
  }
  return '#000000'
}
