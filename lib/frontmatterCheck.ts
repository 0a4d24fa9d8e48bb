/**
 * A slide's frontmatter, as a lecturer types it: a layout that does not exist, or a key one
 * slip away from one Slidev or this deck reads (`kciker:`, `budgt:`, `layuot:`), renders
 * without a word of warning (the kicker vanishes, the section loses its time, the slide falls
 * back to the default layout). Keys far from every known one pass: a layout or component may
 * read its own (`image:`, `url:`), and Slidev hands any key to the slide as `$frontmatter`.
 */
import type { Finding, FrontmatterAt } from './finding'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { whereKeyIsSet } from './finding'
import { PICTURE_KEY } from './handout/picture'
import { nearest } from './nearest'

/** Slidev's per-slide keys (`Frontmatter` and `TransitionOptions` in @slidev/types 53). */
export const SLIDEV_SLIDE_KEYS = [
  'layout',
  'class',
  'clicks',
  'clicksStart',
  'preload',
  'hide',
  'disabled',
  'hideInToc',
  'title',
  'level',
  'routeAlias',
  'zoom',
  'clickAnimation',
  'dragPos',
  'src',
  'transition',
]

/**
 * Keys whose value Slidev reads as a number: a word there (`clicks: two`) builds, and the
 * slide then opens at `?clicks=NaN` and takes every press of the clicker without ever moving
 * on. What each must be, and why.
 */
const NUMBER_KEYS: Record<string, { ok: (v: number) => boolean, want: string, why?: string }> = {
  clicks: {
    ok: v => Number.isInteger(v) && v >= 0,
    want: 'a whole number of clicks, e.g. clicks: 3',
    why: ' As it is, the slide builds, and the clicker cannot leave it.',
  },
  clicksStart: {
    ok: v => Number.isInteger(v) && v >= 0,
    want: 'a whole number, e.g. clicksStart: 1',
  },
  zoom: {
    ok: v => v > 0,
    want: 'a positive number, e.g. zoom: 0.8',
  },
  level: {
    ok: v => Number.isInteger(v) && v > 0,
    want: 'a heading level, e.g. level: 2',
  },
}

/** The keys this deck's layouts and checks read on a slide. */
export const DECK_SLIDE_KEYS = ['kicker', 'budget', PICTURE_KEY]

/** The props a layout declares (`defineProps<{ url: string }>()` or `defineProps({ image: ... })`). */
export function layoutProps(vueSource: string): string[] {
  const block = /defineProps\s*(?:<\{([\s\S]*?)\}>\s*\(\s*\)|\(\s*\{([\s\S]*?)\n\}\s*\))/.exec(vueSource)
  const body = block?.[1] ?? block?.[2]
  if (!body)
    return []
  // Only the top level of the props object: a prop's own options (type, default) are not props.
  const names: string[] = []
  let depth = 0
  for (const line of body.split('\n')) {
    const m = depth === 0 && /^\s*([A-Z_$][\w$]*)\??\s*:/i.exec(line)
    if (m)
      names.push(m[1]!)
    // Angle brackets are left out: an arrow's `=>` would count as one closing.
    depth += (line.match(/[{([]/g) ?? []).length - (line.match(/[})\]]/g) ?? []).length
  }
  return names
}

/** Where Slidev finds layouts for this deck: its own, its addons', its theme's and Slidev's own. */
export function layoutDirs(root: string, headmatter: Record<string, unknown>, addonRoots: string[]): string[] {
  const theme = typeof headmatter.theme === 'string'
    ? headmatter.theme
    : 'default'
  const themeDirs = theme.startsWith('.') || theme.startsWith('/')
    ? [
        resolve(root, theme),
      ]
    : theme.includes('/') || theme.startsWith('slidev-theme-')
      ? [
          join(root, 'node_modules', theme),
        ]
      : [
          join(root, 'node_modules/@slidev', `theme-${theme}`),
          join(root, 'node_modules', `slidev-theme-${theme}`),
        ]
  return [
    join(root, 'layouts'),
    ...addonRoots.map(r => join(r, 'layouts')),
    ...themeDirs.map(d => join(d, 'layouts')),
    join(root, 'node_modules/@slidev/client/layouts'),
  ]
}

/** Every layout name in `dirs`, with the props it declares. */
export function knownLayouts(dirs: string[]): Map<string, string[]> {
  const layouts = new Map<string, string[]>()
  for (const dir of dirs) {
    if (!existsSync(dir))
      continue
    for (const f of readdirSync(dir)) {
      const m = /^(.+)\.vue$/.exec(f)
      if (m && !layouts.has(m[1]!))
        layouts.set(m[1]!, layoutProps(readFileSync(join(dir, f), 'utf8')))
    }
  }
  return layouts
}

/**
 * The line of `key:` in the frontmatter that opens at `line` (1-based), to point an editor at
 * the value rather than at the slide's `---`; `line` itself when the key is not found.
 */
export function keyLine(lines: string[], line: number, key: string): number {
  const i = lines.findIndex((l, n) => n >= line - 1 && new RegExp(`^${key.replace(/\$/g, '\\$')}\\s*:`).test(l))
  return i < 0
    ? line
    : i + 1
}

export interface FrontmatterSlide extends FrontmatterAt {
  no: number
}

/**
 * `lines(file)` gives a file's lines, to point at the key itself rather than the slide's first
 * line. The talk's first slide is the headmatter, checked on its own (talkConfig.ts).
 */
export function frontmatterFindings(slides: readonly FrontmatterSlide[], layouts: Map<string, string[]>, lines: (file: string) => string[]): Finding[] {
  const known = new Set([
    ...SLIDEV_SLIDE_KEYS,
    ...DECK_SLIDE_KEYS,
    ...[
      ...layouts.values(),
    ].flat(),
  ])
  const out: Finding[] = []
  const seen = new Set<string>()
  const report = (place: FrontmatterAt, key: string, message: string) => {
    const where = {
      file: place.file,
      line: keyLine(lines(place.file), place.line, key),
      column: 1,
    }
    const id = `${where.file}:${where.line}:${key}`
    if (seen.has(id))
      return
    seen.add(id)
    out.push({ ...where, message })
  }
  for (const s of slides) {
    if (s.no === 1)
      continue
    // A `src:` block's keys reach every slide it imports: checked once, where they are written.
    for (const place of s.importedAt
      ? [s.importedAt, s]
      : [s]) {
      for (const key of Object.keys(place.frontmatter)) {
        if (known.has(key) || (place === s && s.importedAt && key in s.importedAt.frontmatter))
          continue
        // One slip for a short key, two for a longer one (a swap of two letters is two).
        const near = nearest(key, known, 1, w => w.length >= 5
          ? 2
          : 1)
        if (near.length) {
          report(place, key, `unknown slide frontmatter key '${key}'. Did you mean '${near[0]}'? (Slidev ignores a key it does not know: ${place === s
            ? 'the slide renders without it'
            : 'the slides this src: block imports go without it'}.)`)
        }
      }
    }
    for (const [key, rule] of Object.entries(NUMBER_KEYS)) {
      const value = s.frontmatter[key]
      if (value !== undefined && !(typeof value === 'number' && rule.ok(value)))
        report(whereKeyIsSet(s, key), key, `${key}: ${JSON.stringify(value)} is not ${rule.want}.${rule.why ?? ''}`)
    }
    const layout = s.frontmatter.layout
    if (typeof layout === 'string' && !layouts.has(layout)) {
      const near = nearest(layout, layouts.keys(), 1)
      report(whereKeyIsSet(s, 'layout'), 'layout', `layout '${layout}' does not exist${near.length
        ? `. Did you mean '${near[0]}'?`
        : ''} Layouts of this deck: ${[
        ...layouts.keys(),
      ].filter(l => !['404', 'error'].includes(l)).sort().join(', ')}.`)
    }
  }
  return out
}
