import type { Slide } from './deck'
import type { Finding } from './finding'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import { nearest } from './nearest'

/** Tags Vue or Slidev provide everywhere, beyond the .vue files found on disk. */
const RUNTIME_COMPONENTS = [
  'RouterLink',
  'RouterView',
  'Transition',
  'TransitionGroup',
  'KeepAlive',
  'Teleport',
  'Suspense',
  'Component',
  'Slot',
  'Template',
  'VClick',
  'VClicks',
  'VAfter',
  'VSwitch',
  'VClickGap',
  'Mermaid',
  'KaTexBlockWrapper',
]

export function toPascal(tag: string): string {
  return tag.split('-').map(p => p.charAt(0).toUpperCase() + p.slice(1)).join('')
}

/**
 * The folders of the addons the headmatter declares (`addons:`), where Slidev finds their
 * components too: `@/x` is the deck's folder, a path is a folder, a name an installed package.
 */
export function addonRoots(root: string, headmatter: Record<string, unknown>): string[] {
  const names = Array.isArray(headmatter.addons)
    ? headmatter.addons.filter((a): a is string => typeof a === 'string')
    : []
  return names.map(n => n.startsWith('@/')
    ? join(root, n.slice(2))
    : isAbsolute(n)
      ? n
      : n.startsWith('.')
        ? resolve(root, n)
        : join(root, 'node_modules', n))
}

/** Component names available to slides: the deck's own, the theme's and Slidev's built-ins. */
export function knownComponents(root: string, extraDirs: string[] = []): Set<string> {
  const dirs = [
    join(root, 'components'),
    join(root, 'node_modules/@slidev/client/builtin'),
    join(root, 'node_modules/@slidev/theme-default/components'),
    ...extraDirs,
  ]
  const names = new Set([
    ...RUNTIME_COMPONENTS,
    ...iconComponents(join(root, 'node_modules/@iconify-json')),
  ])
  for (const dir of dirs) {
    if (!existsSync(dir))
      continue
    for (const f of readdirSync(dir)) {
      const m = f.match(/^([A-Z][\w-]*)\.(vue|ts)$/)
      if (m && !f.endsWith('.test.ts'))
        names.add(toPascal(m[1]!))
    }
  }
  return names
}

const iconNames = new Map<string, string[]>()

/**
 * Slidev draws `<carbon-help />`, `<ph-brain />` from the Iconify sets installed with it
 * (@iconify-json/carbon and /ph come with @slidev/cli): each icon of an installed set is a
 * component named `<set>-<icon>`. A misspelt icon renders nothing, like any unknown component.
 */
export function iconComponents(iconifyDir: string): string[] {
  // Read once per process: the sets are megabytes of JSON (70 ms), and the dev server checks
  // the deck again after edits (setup/vite-plugins.ts); installed packages do not change.
  let names = iconNames.get(iconifyDir)
  if (!names)
    iconNames.set(iconifyDir, names = readIconNames(iconifyDir))
  return names
}

function readIconNames(iconifyDir: string): string[] {
  if (!existsSync(iconifyDir))
    return []
  const names: string[] = []
  for (const set of readdirSync(iconifyDir)) {
    const file = join(iconifyDir, set, 'icons.json')
    if (!existsSync(file))
      continue
    const data = JSON.parse(readFileSync(file, 'utf8')) as { icons?: Record<string, unknown>, aliases?: Record<string, unknown> }
    for (const icon of [
      ...Object.keys(data.icons ?? {}),
      ...Object.keys(data.aliases ?? {}),
    ])
      names.push(toPascal(`${set}-${icon}`))
  }
  return names
}

/** Leaves the line structure intact so that positions still point into the source. */
function blankCode(md: string): string {
  return md
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, m => m.replace(/[^\n]/g, ' '))
    .replace(/`[^`\n]*`/g, m => ' '.repeat(m.length))
    .replace(/<!--[\s\S]*?-->/g, m => m.replace(/[^\n]/g, ' '))
}

/** Every match of `re` in the slides' Markdown (code and comments left out), where it stands. */
function* matchesIn(slides: Slide[], re: RegExp): Generator<{ file: string, line: number, column: number, m: RegExpMatchArray }> {
  for (const slide of slides) {
    for (const [i, text] of blankCode(slide.content).split('\n').entries()) {
      for (const m of text.matchAll(re)) {
        yield {
          file: slide.file,
          line: slide.contentLine + i,
          column: (m.index ?? 0) + 1,
          m,
        }
      }
    }
  }
}

/**
 * A production build renders an unknown component as an empty custom element without a
 * word of warning, so a misspelt `<MgBlockChanel />` would reach the lecture hall blank.
 */
export function checkComponents(slides: Slide[], known: Set<string>): Finding[] {
  const findings: Finding[] = []
  for (const { m, ...at } of matchesIn(slides, /<([A-Z]\w*|[a-z][a-z0-9]*(?:-[a-z0-9]+)+)(?=[\s/>])/g)) {
    const tag = m[1]!
    const name = toPascal(tag)
    if (known.has(name))
      continue
    const hint = nearest(name, known)
    findings.push({
      ...at,
      message: `unknown component <${tag}>: no components/${name}.vue and no Slidev built-in of that name. ${hint.length
        ? `Did you mean ${hint.map(h => `<${h}>`).join(', ')}? `
        : ''}Create components/${name}.vue or fix the name.`,
    })
  }
  return findings
}

/** A `<FigureFrame>` of a slide as written: where it stands and its attributes. */
export interface FigureFrameTag {
  file: string
  line: number
  column: number
  /** Static attributes by name, '' for one with no value, and where each value starts. */
  attrs: Map<string, { value: string, line: number, column: number }>
  /** Bound with `:name` or `v-bind:name`; '*' for a `v-bind` of a whole object. */
  bound: Set<string>
}

/**
 * Every `<FigureFrame>` of the slides, code and comments left out, read over the whole slide:
 * a tag's attributes may stand on lines of their own, and a quoted value may hold a `>`.
 */
export function figureFrameTags(slides: Slide[]): FigureFrameTag[] {
  const tags: FigureFrameTag[] = []
  for (const slide of slides) {
    // Found in the blanked text, read in the slide's own: blanking keeps every offset.
    const blanked = blankCode(slide.content)
    const at = (offset: number) => {
      const before = slide.content.slice(0, offset)
      return {
        line: slide.contentLine + before.split('\n').length - 1,
        column: offset - before.lastIndexOf('\n'),
      }
    }
    for (const m of blanked.matchAll(/<FigureFrame\b(?:[^>"']|"[^"]*"|'[^']*')*>/g)) {
      const tag = slide.content.slice(m.index, m.index + m[0].length)
      const attrs: FigureFrameTag['attrs'] = new Map()
      const bound = new Set<string>()
      for (const a of tag.slice('<FigureFrame'.length).matchAll(/\s([:@#]?[\w:.-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`/]+)))?/g)) {
        const key = a[1]!
        const name = key.replace(/^(?::|v-bind:)/, '')
        if (key === 'v-bind') {
          bound.add('*')
        }
        else if (name !== key) {
          bound.add(name)
        }
        else {
          attrs.set(key, {
            value: a[2] ?? a[3] ?? a[4] ?? '',
            ...at(m.index + '<FigureFrame'.length + a.index! + 1),
          })
        }
      }
      tags.push({
        file: slide.file,
        ...at(m.index),
        attrs,
        bound,
      })
    }
  }
  return tags
}

/**
 * `<FigureFrame name="...">` names an SVG in figures/. A misspelt name built the site and threw
 * only while the PDF was printed, naming neither the slide nor its line: checked with the rest.
 */
export function checkFigureNames(slides: Slide[], figures: string[]): Finding[] {
  const findings: Finding[] = []
  for (const tag of figureFrameTags(slides)) {
    const name = tag.attrs.get('name')
    if (!name || figures.includes(name.value))
      continue
    const hint = nearest(name.value, figures)
    findings.push({
      file: tag.file,
      line: name.line,
      column: name.column,
      message: `<FigureFrame name="${name.value}">: there is no figures/${name.value}.svg. ${hint.length
        ? `Did you mean name="${hint[0]}"? `
        : ''}The name is the file's, without .svg (figures: ${figures.join(', ')}).`,
    })
  }
  return findings
}

/**
 * A redrawn figure without a text alternative is a blank to a screen reader, in the browser
 * and in both PDFs (the alt is their figure's alternative text); Vue only warns in a console.
 */
export function checkFigureAlts(slides: Slide[]): Finding[] {
  const findings: Finding[] = []
  for (const tag of figureFrameTags(slides)) {
    const alt = tag.attrs.get('alt')
    // Bound, it is the slide's own expression: nothing to read here.
    if (tag.bound.has('alt') || tag.bound.has('*') || alt?.value.trim())
      continue
    const name = tag.attrs.get('name')
    findings.push({
      file: tag.file,
      line: tag.line,
      column: tag.column,
      message: `<FigureFrame${name
        ? ` name="${name.value}"`
        : ''}>: ${alt
        ? 'its alt is empty'
        : 'no alt'}. Add alt="what the figure shows", a sentence or two: a screen reader says it for the figure, in the browser and in both PDFs.`,
    })
  }
  return findings
}

/** The figures a slide can name: the SVG files in `dir`, without their extension. */
export function figureNames(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir).filter(f => f.endsWith('.svg')).map(f => f.slice(0, -4)).sort()
    : []
}
