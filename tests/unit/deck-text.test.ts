/**
 * How the deck writes what a student reads, slide and notes alike (the notes print in the
 * handout beside each slide), and what a screen reader reads of its figures.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { projectRoot } from '../support/project'
import { parseDeck, where } from '../support/slides'

const deck = await parseDeck()

/** An ion's charge typed on the line ("Mg2+", "Na+"), where the deck writes Mg²⁺ and Na⁺. */
const LINE_CHARGE = /\b(?:Mg|Ca|Na|K|Zn|Cl)\d?[+-](?![\w+-])/g

/** A note's paragraphs that may quote the source as it was written. */
const QUOTES_SOURCE = /^(?:Note on the source|Corrections?):/

describe('the deck\'s text', () => {
  it('writes ion charges raised (Mg²⁺, Na⁺), except where a note quotes the source', () => {
    const found: string[] = []
    for (const s of deck.slides) {
      const paragraphs = [
        s.content,
        ...(s.note ?? '').split(/\n\s*\n/).filter(p => !QUOTES_SOURCE.test(p.trim())),
      ]
      for (const p of paragraphs) {
        for (const m of p.matchAll(LINE_CHARGE))
          found.push(`${where(s)}: "${m[0]}"; write it with a raised charge (Mg²⁺, or Mg<sup>2+</sup> on a slide)`)
      }
    }
    expect(found).toEqual([])
  })

  it('names ions in the drawn figures\' text alternatives without a charge typed on the line', () => {
    const dir = join(projectRoot, 'figures')
    const found = readdirSync(dir).filter(f => f.endsWith('.svg')).flatMap((f) => {
      const described = [
        ...readFileSync(join(dir, f), 'utf8').matchAll(/<(title|desc)\b[^>]*>([\s\S]*?)<\/\1>/g),
      ].map(m => m[2]!)
      return described.flatMap(d => [
        ...d.matchAll(LINE_CHARGE),
      ].map(m => `figures/${f}: "${m[0]}" in its text alternative`))
    })
    expect(found).toEqual([])
  })

  it('finds a charge typed on the line', () => {
    expect('the Mg2+ block; Na+ and K+ in'.match(LINE_CHARGE)).toEqual(['Mg2+', 'Na+', 'K+'])
    expect('Mg²⁺, Mg<sup>2+</sup>, NaCl, K-means'.match(LINE_CHARGE)).toBeNull()
  })
})
