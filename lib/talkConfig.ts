import type { Finding } from './componentCheck'
import { nearest } from './componentCheck'

/**
 * The headmatter of slides.md is where a fork makes the talk its own. A mistyped key there
 * would otherwise be ignored without a word (Slidev accepts any key), and the title slide
 * would quietly show the old name; so every key must be one Slidev knows or one of ours.
 */

/** Our keys: the talk's identity, read by the title slide, the PDFs and the handout. */
// (No `logo` yet: nothing would show it, and a key that does nothing is a silent default.)
export const TALK_KEYS = ['title', 'subtitle', 'author', 'affiliation', 'event', 'date', 'accent', 'bibliography'] as const

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
  accent?: string
  bibliography?: string
}

/** Where each key sits in slides.md, so messages can point at the line. */
export function headmatterLines(markdown: string): Map<string, number> {
  const lines = markdown.split('\n')
  const at = new Map<string, number>()
  if (lines[0]?.trim() !== '---')
    return at
  for (let i = 1; i < lines.length && lines[i]!.trim() !== '---'; i++) {
    const m = lines[i]!.match(/^([A-Z_][\w-]*)\s*:/i)
    if (m)
      at.set(m[1]!, i + 1)
  }
  return at
}

export function checkHeadmatter(file: string, markdown: string, headmatter: Record<string, unknown>, exists: (path: string) => boolean): Finding[] {
  const lines = headmatterLines(markdown)
  const known = new Set<string>([...TALK_KEYS, ...SLIDEV_KEYS])
  const out: Finding[] = []
  const at = (key: string) => ({ file, line: lines.get(key) ?? 1, column: 1 })
  for (const key of Object.keys(headmatter)) {
    if (known.has(key))
      continue
    const hint = key === 'presenter' ? [] : nearest(key, [...TALK_KEYS, ...SLIDEV_KEYS], 2)
    out.push({ ...at(key), message: `unknown headmatter key '${key}'. ${hint.length ? `Did you mean '${hint.join('\' or \'')}'? ` : ''}The talk's own keys are: ${TALK_KEYS.join(', ')} (and Slidev's options).` })
  }
  if (typeof headmatter.presenter === 'string')
    out.push({ ...at('presenter'), message: `'presenter' is Slidev's switch for the presenter view (true/false/"dev"/"build"); put the presenter's name in 'author'.` })
  if (typeof headmatter.title !== 'string' || !headmatter.title.trim())
    out.push({ ...at('title'), message: `the talk needs a 'title' (text): it is the title slide, the PDF title and the handout cover.` })
  for (const key of ['subtitle', 'author', 'affiliation', 'event', 'bibliography'] as const) {
    const v = headmatter[key]
    if (v !== undefined && v !== null && typeof v !== 'string')
      out.push({ ...at(key), message: `'${key}' should be text, got ${JSON.stringify(v)}. Put it in quotes.` })
  }
  const date = headmatter.date
  if (date !== undefined && !(typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(date))))
    out.push({ ...at('date'), message: `'date' should be a day as YYYY-MM-DD (e.g. 2026-11-22), got ${JSON.stringify(date)}.` })
  const accent = headmatter.accent
  if (accent !== undefined && !(typeof accent === 'string' && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(accent)))
    out.push({ ...at('accent'), message: `'accent' should be a colour as #rrggbb (e.g. "#0b5cad"), in quotes, got ${JSON.stringify(accent)}.` })
  for (const key of ['bibliography'] as const) {
    const v = headmatter[key]
    if (typeof v === 'string' && v && !exists(v))
      out.push({ ...at(key), message: `'${key}' names ${v}, which does not exist. Fix the path (relative to slides.md).` })
  }
  return out
}
