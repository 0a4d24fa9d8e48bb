// @vitest-environment happy-dom
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { enableAutoUnmount, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import ToleranceCurves from '../../components/ToleranceCurves.vue'
import { accessibleText } from '../support/accessible'
import { fake, setReducedMotion } from '../support/fakeSlidev'

vi.mock('../../components/slidev', () => import('../support/fakeSlidev'))
// A diagram left mounted by an earlier test would follow the fake deck's slide too.
enableAutoUnmount(afterEach)

beforeEach(() => fake.reset())
afterEach(() => fake.reset())

// Words as a slide passes them: any will do, the tests check that they are the ones drawn.
const WORDS = {
  antagonist: 'Drug Z',
  headings: [
    'h0',
    'h1',
    'h2',
    'h3',
    'summary',
  ],
}
function view(step: number) {
  return mount(ToleranceCurves, {
    props: { step, ...WORDS },
  })
}

function summaryOf(w: ReturnType<typeof view>) {
  const svg = w.get('svg')
  return {
    ...accessibleText(svg),
    visibleCurves: w.findAll('g.curve').filter(g => g.attributes('data-visible') === 'true').map(g => g.attributes('data-curve')),
    labels: w.findAll('g.curve-label').filter(g => (g.attributes('style') ?? '').includes('opacity: 1')).map(g => g.text()),
    equal: w.get('g.equal-effect').attributes('data-visible'),
  }
}

describe('<ToleranceCurves> steps', () => {
  it('step 0: one day-0 curve, described with its ED50', () => {
    const s = summaryOf(view(0))
    expect(s.role).toBe('img')
    expect(s.name).toBe('h0')
    expect(s.description).toContain('day 0 ED50 2.9 mg/kg')
    expect(s.visibleCurves).toEqual(['morphine'])
    expect(s.labels).toEqual(['Day 0'])
    expect(s.equal).toBe('false')
  })

  it('step 1: day 7 moves right, day 0 stays as a faded ghost', () => {
    const w = view(1)
    const s = summaryOf(w)
    expect(s.description).toContain('Day 7, morphine alone')
    expect(s.description).toContain('ED50 2.5 times day 0 (7.3 mg/kg)')
    expect(s.visibleCurves).toEqual(['day0', 'morphine'])
    expect(s.labels).toEqual(['Day 0', 'Day 7'])
    expect(w.get('g.curve.day0').classes()).toContain('ghost')
    expect(w.get('g.curve.day0').attributes('style')).toContain('opacity: 0.5')
    // the moving curve is the day-0 curve translated right by 0.4 decades
    const t = /translate\(([\d.]+)px/.exec(w.get('g.curve.morphine').attributes('style')!)
    expect(Number(t![1])).toBeGreaterThan(50)
  })

  it('step 2: day 14 with the equal-effect marker and the fold-shift as text', () => {
    const w = view(2)
    const s = summaryOf(w)
    expect(s.description).toContain('Day 14, morphine alone: ED50 6.3 times day 0 (18.3 mg/kg)')
    expect(s.labels).toEqual(['Day 0', 'Day 14'])
    expect(s.equal).toBe('true')
    expect(w.get('g.equal-effect').text()).toContain('6.3\u00D7 the day-0 dose')
    expect(w.get('g.equal-effect').text()).toContain('2.9 \u2192 18.3 mg/kg')
    // the morphine curve is dashed: line style, not colour, carries the condition
    expect(w.get('g.curve.morphine path.line').attributes('stroke-dasharray')).toBeTruthy()
  })

  it('step 3: the antagonist curve stays at day 0', () => {
    const w = view(3)
    const s = summaryOf(w)
    expect(s.description).toBe('Day 14, morphine alone: ED50 6.3 times day 0 (18.3 mg/kg); with Drug Z unchanged (ED50 2.9 mg/kg).')
    expect(s.visibleCurves).toEqual(['day0', 'morphine', 'antagonist'])
    expect(s.labels).toEqual(['Day 0', 'Day 14', '+ Drug Z'])
    expect(w.get('g.curve.antagonist').attributes('style')).toContain('translate(0.00px')
    const dashes = ['day0', 'morphine', 'antagonist'].map(id => w.get(`g.curve.${id} path.line`).attributes('stroke-dasharray') ?? 'solid')
    expect(new Set(dashes).size).toBe(3)
    const markers = ['day0', 'morphine', 'antagonist'].map(id => w.get(`g.curve.${id} path.marker`).attributes('d')!.replace(/[\d.\s-]/g, ''))
    expect(new Set(markers).size).toBe(3)
  })

  it('the antagonist curve comes back from where tolerance would have taken it, on screen only', async () => {
    const w = view(2)
    await nextTick()
    await w.setProps({ step: 3 })
    const curve = w.get('g.curve.antagonist')
    expect(curve.attributes('data-returning')).toBe('true')
    const from = Number(/--from: translate\(([\d.]+)px/.exec(curve.attributes('style')!)![1])
    const morphine = Number(/translate\(([\d.]+)px/.exec(w.get('g.curve.morphine').attributes('style')!)![1])
    expect(from).toBeCloseTo(morphine, 1)
    expect(curve.attributes('style')).toContain('translate(0.00px')
    // Opened at step 3 (no change seen), or with reduced motion: it is simply there.
    expect(view(3).get('g.curve.antagonist').attributes('data-returning')).toBeUndefined()
  })

  it('prints the illustrative parameters in a footnote at every step', () => {
    for (const step of [0, 3]) {
      const text = view(step).findAll('text.footnote').map(t => t.text()).join(' ')
      expect(text).toContain('illustrative: Hill slope n = 2')
      expect(text).toContain('day-0 ED50 2.9 mg/kg')
    }
  })

  it('follows the presenter when the click count changes', async () => {
    const w = view(0)
    await w.setProps({ step: 3 })
    expect(summaryOf(w).visibleCurves).toEqual(['day0', 'morphine', 'antagonist'])
    await w.setProps({ step: 1 })
    expect(summaryOf(w).description).toContain('Day 7')
  })

  it('declares labels of at least 18 units and footnotes of at least 15.5 (28 and 24 px on the slide)', () => {
    // happy-dom does not apply the scoped stylesheet, so read it; tests/e2e measures the rendered text.
    const source = readFileSync(resolve(process.cwd(), 'components/ToleranceCurves.vue'), 'utf8')
    const sizes = [
      ...source.matchAll(/^([^{}\n]*)\{[^}]*font-size:\s*([\d.]+)px/gm),
    ].map(m => ({
      rule: m[1]!.trim(),
      px: Number(m[2]),
    }))
    expect(sizes.length).toBeGreaterThan(5)
    for (const { rule, px } of sizes) {
      expect(px, rule).toBeGreaterThanOrEqual(rule.includes('footnote')
        ? 15.5
        : 18)
    }
    expect(source).not.toMatch(/font-size="/)
  })
})

describe('<ToleranceCurves> print and motion', () => {
  it('plain PDF export shows the summary frame whatever the click', () => {
    fake.print.value = true
    fake.withClicks.value = false
    const w = view(0)
    const s = summaryOf(w)
    expect(w.get('figure').attributes('data-summary')).toBe('true')
    expect(s.heading).toBe('summary')
    // One label in print: the tagged PDF's alternative text is the name alone.
    expect(s.name).toBe(`summary. ${s.text}`)
    expect(s.description).toBe('')
    expect(s.visibleCurves).toEqual(['day0', 'morphine', 'antagonist'])
    expect(s.equal).toBe('true')
    expect(w.get('g.curve.day0').classes()).not.toContain('ghost')
    expect(s.text).toContain('Day 0 and day 14: morphine alone ED50 6.3 times day 0')
    expect(w.get('figure').attributes('data-motion')).toBe('none')
    expect(w.get('figure').classes()).toContain('instant')
  })

  it('click export renders each step as itself, without motion', () => {
    fake.print.value = true
    fake.withClicks.value = true
    const steps = [0, 1, 2, 3].map((step) => {
      const w = view(step)
      expect(w.get('figure').attributes('data-summary')).toBe('false')
      expect(w.get('figure').attributes('data-motion')).toBe('none')
      return summaryOf(w).visibleCurves.join(',')
    })
    expect(steps).toEqual([
      'morphine',
      'day0,morphine',
      'day0,morphine',
      'day0,morphine,antagonist',
    ])
  })

  it('animates on screen and becomes instant with prefers-reduced-motion', async () => {
    const smooth = view(1)
    expect(smooth.get('figure').attributes('data-motion')).toBe('smooth')
    expect(smooth.get('figure').classes()).not.toContain('instant')
    setReducedMotion('reduce')
    const reduced = view(1)
    await nextTick()
    expect(reduced.get('figure').attributes('data-motion')).toBe('none')
    expect(reduced.get('figure').classes()).toContain('instant')
  })

  it('owns no timer: nothing is scheduled while shown or printed', () => {
    const raf = vi.spyOn(window, 'requestAnimationFrame')
    const timeout = vi.spyOn(window, 'setTimeout')
    fake.print.value = true
    view(2)
    fake.showSlide()
    expect(raf).not.toHaveBeenCalled()
    expect(timeout).not.toHaveBeenCalled()
    raf.mockRestore()
    timeout.mockRestore()
  })
})
