import type { Extractor } from 'unocss'
import { defineUnoSetup } from '@slidev/types'
import { extractorSplit } from 'unocss'

/**
 * UnoCSS reads every word of every slide as a possible utility class, so each edit that types
 * a new word in a slide (every edit) regenerated the whole stylesheet from some thousands of
 * words of prose and reloaded it in the page: most of the time between saving a slide and
 * seeing it. In a slide's Markdown only class attributes (and attributify attributes, which
 * presetAttributify reads itself) can hold utilities, so that is all that is read there;
 * components and layouts are read in full as before. A fork that writes
 * `<div class="grid grid-cols-2">` in a slide still gets its utilities.
 */
export const CLASS_ATTRIBUTE = /\bclass(?:Name)?["']?\s*[=:]\s*(["'`])([\s\S]*?)\1/g

export function classesIn(code: string): Set<string> {
  const out = new Set<string>()
  for (const m of code.matchAll(CLASS_ATTRIBUTE)) {
    for (const token of m[2]!.split(/\s+/)) {
      if (token)
        out.add(token)
    }
  }
  return out
}

const markdown = /\.md(?:$|[?_])/

export const slideClassExtractor: Extractor = {
  name: 'deck:slide-class-attributes',
  order: 0,
  extract(context) {
    return context.id && markdown.test(context.id)
      ? classesIn(context.code)
      : extractorSplit.extract!(context)
  },
}

export default defineUnoSetup(() => ({
  extractorDefault: false,
  extractors: [slideClassExtractor],
}))
