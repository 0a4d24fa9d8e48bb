import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { citationHtml } from '../../addons/citations/lib/render'
import { findCitations } from '../../addons/citations/lib/syntax'
import { projectRoot } from '../support/project'

const numbers = new Map([
  ['a', 1],
  ['b', 2],
  ['c', 3],
  ['d', 4],
  ['page', 42],
])
const html = (text: string) => citationHtml(findCitations(text).citations[0]!, numbers)
const inner = (text: string) => html(text).replace(/^<sup[^>]*>|<\/sup>$/g, '')

describe('citation superscripts', () => {
  it('compresses a run of numbers with an en dash and joins the rest with commas', () => {
    expect(inner('[@a; @b; @c]')).toBe('1–3')
    expect(inner('[@a; @b; @d]')).toBe('1,2,4')
  })

  it('prints a page locator after a comma, as numbered styles do: [42, p. 460]', () => {
    expect(inner('[@page, p. 460]')).toBe('42, p. 460')
    expect(html('[@page, p. 460]')).not.toContain('(')
  })

  it('separates items with semicolons when one carries a locator, so the page is not read as a number', () => {
    expect(inner('[@a; @b, p. 5]')).toBe('1; 2, p. 5')
  })

  it('shows an unknown key as ?key and marks it', () => {
    expect(html('[@a; @nope]')).toContain('class="citation citation-missing"')
    expect(inner('[@a; @nope]')).toBe('1,?nope')
  })

  // The bracket wrapping is the addon's own style, loaded by Slidev for any deck that lists the
  // addon; tests/e2e/sweep.spec.ts measures in Chromium that no citation spans two lines (hall.spec.ts that the check can fail).
  it('draws the brackets unbreakable and joined to the word before them', () => {
    const css = readFileSync(resolve(projectRoot, 'addons/citations/styles/index.css'), 'utf8')
    const rule = (sel: string) => css.match(new RegExp(`${sel.replace(/[.:]/g, '\\$&')}\\s*\\{([^}]*)\\}`))?.[1] ?? ''
    expect(rule('sup.citation')).toMatch(/white-space:\s*nowrap/)
    // U+2060 WORD JOINER before the opening bracket: no line break between word and citation.
    expect(rule('sup.citation::before')).toContain(`content: '\\2060['`)
    expect(rule('sup.citation::after')).toContain(`content: ']'`)
  })
})
