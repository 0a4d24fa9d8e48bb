import type { Locator } from '@playwright/test'
import { deck, slideNumberOf } from './deck'
import { figureProblems } from './diagramBoxes'
import { expect, test } from './fixtures'

// Designed for the hall (issue 16). Every slide is measured and judged by lib/hallChecks.ts in
// sweep.spec.ts, in the same pass over the slides as the other per-slide checks; here, that a
// citation's line rule can be seen to work.

// The deck's own text may not happen to put a citation at a line end; this puts one there, in
// a narrow paragraph on a slide of the built deck, beside a control drawn without the addon's
// rule, so the check is shown able to fail.
test('a citation stays on one line, joined to the word before it', async ({ page }) => {
  await page.goto('4')
  await page.locator('.slidev-page-4 .slidev-layout').waitFor()
  const lines = await page.evaluate(() => {
    const layout = document.querySelector('.slidev-page-4 .slidev-layout')!
    const probe = document.createElement('div')
    probe.innerHTML = `<style>.hall-control::before{content:'['}.hall-control::after{content:']'}</style>
      <p>receptors in pain<sup class="citation">28–30</sup> and more</p>
      <p>receptors in pain<sup class="hall-control">28–30</sup> and more</p>`
    layout.append(probe)
    const [real, control] = [
      ...probe.querySelectorAll('sup'),
    ]
    const lineOf = (sup: Element) => {
      const word = sup.previousSibling!
      const range = document.createRange()
      range.setStart(word, word.textContent!.length - 1)
      range.setEnd(word, word.textContent!.length)
      const w = range.getBoundingClientRect()
      const s = sup.getClientRects()
      // One line box, and it starts on the line of the word's last letter.
      return { boxes: s.length, withWord: Math.abs(s[0]!.bottom - w.bottom) < w.height / 2 }
    }
    // Narrow both paragraphs until the control breaks; the real citation must not, there.
    let out: { width: number, real: ReturnType<typeof lineOf>, control: ReturnType<typeof lineOf> } | undefined
    for (let em = 12; em >= 2 && !out; em -= 0.05) {
      for (const p of probe.querySelectorAll('p'))
        p.style.width = `${em}em`
      const c = lineOf(control!)
      if (c.boxes > 1 || !c.withWord) {
        out = {
          width: em,
          real: lineOf(real!),
          control: c,
        }
      }
    }
    probe.remove()
    return out
  })
  expect(lines, 'no width made the control break: the probe cannot tell').toBeDefined()
  expect(lines!.real).toEqual({ boxes: 1, withWord: true })
})

// sweep.spec runs figureProblems on every figure at every click step. Here, on a slide of the
// built deck, a figure drawn with the three faults it looks for, beside the same figure drawn
// right, so the check is shown to find each and to pass a clean one.
test('the figure check finds text on text, text across a shape, and text outside the figure', async ({ page }) => {
  await page.goto('4')
  await page.locator('.slidev-page-4 .slidev-layout').waitFor()
  await page.evaluate(() => {
    const figure = (name: string, t: Record<string, [number, number]>) => `<svg class="${name}" viewBox="0 0 200 100" width="200" height="100">
      <rect data-shape="box" x="10" y="10" width="60" height="30" />
      ${Object.entries(t).map(([text, [x, y]]) => `<text x="${x}" y="${y}" font-size="14">${text}</text>`).join('')}
    </svg>`
    const probe = document.createElement('div')
    probe.id = 'figure-probe'
    probe.innerHTML = figure('broken', {
      'in box': [40, 30],
      'first': [100, 60],
      'second': [110, 62],
      'edge': [180, 90],
    })
    + figure('clean', {
      'in box': [15, 30],
      'first': [100, 60],
      'second': [100, 85],
      'edge': [150, 90],
    })
    document.querySelector('.slidev-page-4 .slidev-layout')!.append(probe)
  })
  const found = await figureProblems(page, '#figure-probe')
  expect(found.filter(f => f.startsWith('figure clean'))).toEqual([])
  const broken = found.filter(f => f.startsWith('figure broken')).join('\n')
  expect(broken).toMatch(/"in box"/)
  expect(broken).toMatch(/"first" overlaps text .*"second"|"second" overlaps text .*"first"/)
  expect(broken).toMatch(/"edge" is outside the figure's box/)
})

// The subunit slide: a family wrapped apart (NR3B alone on the next line, at 1920x1080) read as
// a fourth family. Each family is a row of its own, its name first, at both sizes.
for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1024, height: 768 },
]) {
  test(`the subunit chips show one row per family, NR1 to NR3 (${viewport.width}x${viewport.height})`, async ({ page }) => {
    await page.setViewportSize(viewport)
    const no = await slideNumberOf(/class="chips"/)
    await page.goto(`${no}`)
    const chips = page.locator(`.slidev-page-${no} .chips`)
    await chips.waitFor()
    await page.evaluate(() => document.fonts.ready)
    // Each family's name and the chips after it, a chip marked when its middle is off the name's line.
    const rows = await chips.evaluate((list) => {
      const out: { family: string, members: string[], top: number, bottom: number }[] = []
      for (const e of list.children) {
        const r = e.getBoundingClientRect()
        const row = out.at(-1)
        if (e.classList.contains('family')) {
          out.push({
            family: e.textContent!.trim(),
            members: [],
            top: r.top,
            bottom: r.bottom,
          })
        }
        else if (row && e.classList.contains('chip')) {
          row.members.push(e.textContent!.trim() + (Math.abs((r.top + r.bottom - row.top - row.bottom) / 2) < 2
            ? ''
            : ' (off its row)'))
        }
      }
      return out
    })
    expect(rows.map(r => [r.family, r.members])).toEqual([
      [
        'NR1',
        ['NR1'],
      ],
      [
        'NR2',
        ['NR2A', 'NR2B ★', 'NR2C', 'NR2D'],
      ],
      [
        'NR3',
        ['NR3A', 'NR3B'],
      ],
    ])
    // One below the other, not side by side on a line.
    for (let i = 1; i < rows.length; i++)
      expect(rows[i]!.top, `${rows[i]!.family} below ${rows[i - 1]!.family}`).toBeGreaterThan(rows[i - 1]!.bottom)
  })
}

// The closing slide: the theme pulls the line under a heading up into it, and at 120 px the
// tail of the Q of "Questions" reached into "Thank you". Each line's text box (the font's
// ascent to descent, whatever the line height) stays clear of the other's.
test('the closing slide\'s "Thank you" sits clear of "Questions", both centred on the slide as a section opener\'s title is', async ({ page }) => {
  const no = await slideNumberOf(/class="downloads"/)
  await page.goto(`${no}`)
  const layout = page.locator(`.slidev-page-${no} .slidev-layout.closing`)
  await layout.waitFor()
  await page.evaluate(() => document.fonts.ready)
  const [heading, thanks] = await layout.evaluate(l => ['h1', 'h1 + p'].map((sel) => {
    const range = document.createRange()
    range.selectNodeContents(l.querySelector(sel)!)
    const r = range.getBoundingClientRect()
    return {
      text: range.toString().trim(),
      top: r.top,
      bottom: r.bottom,
      middle: r.left + r.width / 2,
    }
  }))
  expect([heading!.text, thanks!.text]).toEqual(['Questions', 'Thank you'])
  expect(thanks!.top, 'the top of "Thank you" is below the bottom of "Questions"').toBeGreaterThanOrEqual(heading!.bottom)
  // Left-aligned in a centred block, "Questions" stood a fifth of the way in, under nothing.
  const slide = (await page.locator(`.slidev-page-${no}`).boundingBox())!
  for (const line of [heading!, thanks!])
    expect(Math.abs(line.middle - (slide.x + slide.width / 2)), `"${line.text}" is centred`).toBeLessThan(slide.width / 100)
})

/**
 * For each element matching `units` in `root`, the bottoms of its own lines of text, top to
 * bottom: not a raised citation number's, not a nested list's.
 */
function lineBottoms(root: Locator, units: string): Promise<number[][]> {
  return root.evaluate((el, units) => [
    ...el.querySelectorAll(units),
  ].map((unit) => {
    const bottoms: number[] = []
    const walker = document.createTreeWalker(unit, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement!
      if (!n.textContent?.trim() || parent.closest('sup') || parent.closest('ul, ol') !== unit.closest('ul, ol'))
        continue
      const range = document.createRange()
      range.selectNodeContents(n)
      for (const r of range.getClientRects()) {
        if (!bottoms.some(b => Math.abs(b - r.bottom) < 4))
          bottoms.push(r.bottom)
      }
    }
    return bottoms.sort((a, b) => a - b)
  }), units)
}

// A statement that carries its slide (slides 6, 16, 27): Slidev's base gave its paragraph 24
// canvas px a line, 0.9 of its size, and a raised citation number reached into the letters of
// the line above. Its lines are at least 1.3 of its size apart.
test('a statement\'s lines are spaced for its citation numbers', async ({ page }) => {
  const slides = (await deck()).slides.filter(s => s.content.includes('class="statement-box"'))
  expect(slides.length).toBeGreaterThanOrEqual(3)
  for (const s of slides) {
    await page.goto(`${s.no}`)
    const box = page.locator(`.slidev-page-${s.no} .statement-box`)
    await box.waitFor()
    await page.evaluate(() => document.fonts.ready)
    const px = await box.evaluate(el => Number.parseFloat(getComputedStyle(el).fontSize) * el.getBoundingClientRect().width / (el as HTMLElement).offsetWidth)
    const [lines] = await lineBottoms(box, 'p')
    expect(lines!.length, `slide ${s.no}: the statement wraps`).toBeGreaterThanOrEqual(2)
    for (let i = 1; i < lines!.length; i++)
      expect((lines![i]! - lines![i - 1]!) / px, `slide ${s.no} "${s.title}": line ${i + 1}`).toBeGreaterThanOrEqual(1.3)
  }
})

// Slidev's base sets a list item's line to 1.8em: the lines of a bullet that wrapped were as far
// apart as two bullets, and from the back of the hall one bullet read as two. On the slides in
// two columns, where bullets wrap most, the next bullet starts at least 1.2 times as far below
// as a bullet's own lines are apart.
test('a bullet that wraps keeps its lines closer together than the bullets', async ({ page }) => {
  const slides = (await deck()).slides.filter(s => /class="cols/.test(s.content) && /^\s*- /m.test(s.content))
  let wrapped = 0
  for (const s of slides) {
    await page.goto(`${s.no}?clicks=99`)
    const layout = page.locator(`.slidev-page-${s.no} .slidev-layout`)
    await layout.waitFor()
    await page.evaluate(() => document.fonts.ready)
    const lists = layout.locator('.cols ul')
    for (let l = 0; l < await lists.count(); l++) {
      const items = await lineBottoms(lists.nth(l), ':scope > li')
      items.forEach((lines, i) => {
        const next = items[i + 1]
        if (lines.length < 2 || !next?.length)
          return
        wrapped++
        const within = lines[1]! - lines[0]!
        const between = next[0]! - lines.at(-1)!
        expect(between / within, `slide ${s.no} "${s.title}": the bullet after item ${i + 1}`).toBeGreaterThanOrEqual(1.2)
      })
    }
  }
  // The two-column slides do have bullets that wrap: the rule was looked at.
  expect(wrapped).toBeGreaterThanOrEqual(3)
})

// The kicker is set in capitals by its style; an abbreviation's plural must not become another
// word ("NMDARS"). Every kicker of the deck with such a plural, as the audience sees it
// (innerText applies the style's capitals).
test('a kicker in capitals keeps an abbreviation\'s plural: NMDARs, not NMDARS', async ({ page }) => {
  const plural = /\b[A-Z][A-Z0-9]+s\b/g
  const slides = (await deck()).slides.filter(s => typeof s.frontmatter.kicker === 'string' && plural.test(s.frontmatter.kicker))
  expect(slides.length, 'the deck has kickers with NMDARs or TCAs').toBeGreaterThan(1)
  for (const s of slides) {
    await page.goto(String(s.no))
    const kicker = page.locator(`.slidev-page-${s.no} .deck-kicker`)
    await kicker.waitFor()
    // innerText, not textContent: it is the text with the style's capitals applied.
    // eslint-disable-next-line unicorn/prefer-dom-node-text-content
    const shown = await kicker.innerText()
    const written = s.frontmatter.kicker as string
    for (const word of written.match(plural)!)
      expect(shown, `slide ${s.no}: "${word}"`).toContain(word)
    expect(shown.replace(plural, ''), `slide ${s.no}: the rest in capitals`).toBe(shown.replace(plural, '').toUpperCase())
  }
})

// A number keeps its unit, and a range its ends, on one line (lib/typography.ts, a markdown-it
// rule set up in vite.config.ts): the built slides carry no-break spaces there. A narrow cell
// once broke "over 24 / h" and "> / 50 %".
test('numbers keep their units, and ranges their ends, on one line', async ({ page }) => {
  const cases: [RegExp, string][] = [
    [/over 24 h/, 'over 24\u00A0h'],
    [/> 50 % relief/, '>\u00A050\u00A0% relief'],
    [/CI 5\.8 to 9\.5/, 'CI\u00A05.8\u00A0to\u00A09.5'],
    [/g 0\.03 in PHN/, 'g\u00A00.03\u00A0in PHN'],
  ]
  for (const [pattern, shown] of cases) {
    const no = await slideNumberOf(pattern)
    await page.goto(String(no))
    const layout = page.locator(`.slidev-page-${no} .slidev-layout`)
    await layout.waitFor()
    expect(await layout.textContent(), `slide ${no}`).toContain(shown)
  }
})

// The canvas is exactly 16:9 (lib/hallChecks.ts CANVAS_WIDTH): on a 16:9 screen the slide meets
// every edge. Slidev's default canvas (980 x 552 once rounded) left a black line at each side.
for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
]) {
  test(`the slide fills a ${viewport.width}x${viewport.height} screen, with no black line at its sides`, async ({ page }) => {
    await page.setViewportSize(viewport)
    await page.goto('5')
    const slide = page.locator('#slide-content')
    await expect(page.locator('.slidev-page-5 h1')).toBeVisible()
    const box = (await slide.boundingBox())!
    expect(box.x, 'left edge').toBeCloseTo(0, 1)
    expect(box.width, 'width').toBeCloseTo(viewport.width, 1)
    expect(box.height, 'height').toBeCloseTo(viewport.height, 1)
  })
}
