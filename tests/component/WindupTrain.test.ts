// @vitest-environment happy-dom
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { enableAutoUnmount, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import WindupTrain from '../../components/WindupTrain.vue'
import { windupTrain } from '../../lib/windup'
import { accessibleText } from '../support/accessible'
import { fake, setReducedMotion } from '../support/fakeSlidev'

vi.mock('../../components/slidev', () => import('../support/fakeSlidev'))
// A diagram left mounted by an earlier test would follow the fake deck's slide too.
enableAutoUnmount(afterEach)

beforeEach(() => fake.reset())
afterEach(() => fake.reset())

function view(step: number) {
  return mount(WindupTrain, {
    props: { step },
  })
}

function summaryOf(w: ReturnType<typeof view>) {
  const svg = w.get('svg')
  return {
    ...accessibleText(svg),
    visibleRows: w.findAll('[data-row]').filter(g => g.attributes('data-visible') === 'true').map(g => g.attributes('data-row')),
    shownBars: (row: string) => w.findAll(`[data-row="${row}"] rect.bar`).filter(b => (b.attributes('style') ?? '').includes('scaleY(1)')).length,
  }
}

describe('<WindupTrain> steps', () => {
  it('step 0: the empty chart, named and described, says it is a model', () => {
    const w = view(0)
    const s = summaryOf(w)
    expect(s.role).toBe('img')
    expect(s.name).toBe('16 C-fibre stimuli to a dorsal horn neuron')
    expect(s.description).toContain('The train has not started.')
    expect(s.visibleRows).toEqual([])
    expect(s.shownBars('windup')).toBe(0)
    // Each train waiting names its protocol, without the result it will show.
    expect(w.findAll('.row-label').map(t => t.text())).toEqual([
      '0.5 Hz (every 2 s)',
      '0.5 Hz + AP5 (NMDA antagonist)',
      '0.1 Hz (every 10 s)',
    ])
    expect(w.findAll('.row-label.waiting')).toHaveLength(3)
    expect(w.get('text.model').text()).toBe('Model: residual depolarisation relieves the Mg\u00B2\u207A block')
  })

  it('step 1: sixteen 0.5 Hz bars, heights from the model, arriving one after another', () => {
    const w = view(1)
    const s = summaryOf(w)
    expect(s.name).toBe('0.5 Hz: the response winds up')
    expect(s.visibleRows).toEqual(['windup'])
    expect(s.shownBars('windup')).toBe(16)
    expect(s.shownBars('antagonist')).toBe(0)
    const bars = w.findAll('[data-row="windup"] rect.bar')
    const heights = bars.map(b => Number(b.attributes('height')))
    const model = windupTrain({ rateHz: 0.5 }).response
    heights.forEach((h, i) => expect(h / heights[0]!).toBeCloseTo(model[i]!, 6))
    const delays = bars.map(b => Number.parseFloat(/transition-delay: ([\d.]+)s/.exec(b.attributes('style')!)![1]!))
    for (let i = 1; i < delays.length; i++)
      expect(delays[i]!).toBeGreaterThan(delays[i - 1]!)
    expect(w.get('[data-row="windup"] .row-label').text()).toMatch(/^0\.5 Hz \(every 2 s\): 16th = 1\.9\u00D7 the 1st$/)
  })

  it('step 2: the antagonist row is flat and hatched, labelled in words', () => {
    const w = view(2)
    expect(summaryOf(w).visibleRows).toEqual(['windup', 'antagonist'])
    const bars = w.findAll('[data-row="antagonist"] rect.bar')
    expect(new Set(bars.map(b => b.attributes('height'))).size).toBe(1)
    expect(bars[0]!.attributes('fill')).toMatch(/^url\(#.+-hatch\)$/)
    expect(w.get('[data-row="antagonist"] .row-label').text()).toBe('0.5 Hz + AP5 (NMDA antagonist): 16th = 1.0\u00D7 the 1st')
  })

  it('step 3: 0.1 Hz is flat too; every train is described', () => {
    const w = view(3)
    const s = summaryOf(w)
    expect(s.name).toBe('0.1 Hz: too slow to wind up')
    expect(s.visibleRows).toEqual(['windup', 'antagonist', 'slow'])
    expect(s.description).toContain('0.1 Hz (every 10 s): the response stays flat')
    const h = w.findAll('[data-row="slow"] rect.bar').map(b => Number(b.attributes('height')))
    expect(Math.max(...h) / Math.min(...h)).toBeLessThan(1.05)
  })

  it('follows the presenter back and forth; hiding is immediate', async () => {
    const w = view(3)
    await w.setProps({ step: 1 })
    expect(summaryOf(w).visibleRows).toEqual(['windup'])
    const hidden = w.findAll('[data-row="slow"] rect.bar').map(b => b.attributes('style'))
    expect(hidden.every(st => st!.includes('scaleY(0)') && st!.includes('transition-delay: 0s'))).toBe(true)
  })

  it('declares no text under 15 px (12.5 px footnote): 28 and 24 px at 1080p in its 520 px box', () => {
    // happy-dom does not apply the scoped stylesheet, so read it; tests/e2e measures the rendered text.
    const source = readFileSync(resolve(process.cwd(), 'components/WindupTrain.vue'), 'utf8')
    const rules = [
      ...source.matchAll(/([.\w\s,-]+)\{[^}]*font-size:\s*([\d.]+)px/g),
    ].map(m => ({
      sel: m[1]!.trim(),
      px: Number(m[2]),
    }))
    expect(rules.length).toBeGreaterThan(4)
    for (const r of rules) {
      expect(r.px, r.sel).toBeGreaterThanOrEqual(r.sel === '.footnote'
        ? 12.5
        : 15)
    }
    expect(source).not.toMatch(/font-size="/)
  })
})

describe('<WindupTrain> print and motion', () => {
  it('plain PDF export shows all three trains whatever the click, without motion', () => {
    fake.print.value = true
    fake.withClicks.value = false
    const w = view(0)
    const s = summaryOf(w)
    expect(w.get('figure').attributes('data-summary')).toBe('true')
    expect(s.heading).toBe('Wind-up at 0.5 Hz, not with AP5 or at 0.1 Hz')
    // One label in print: the tagged PDF's alternative text is the name alone.
    expect(s.name).toBe(`Wind-up at 0.5 Hz, not with AP5 or at 0.1 Hz. ${s.text}`)
    expect(s.description).toBe('')
    expect(s.visibleRows).toEqual(['windup', 'antagonist', 'slow'])
    expect(['windup', 'antagonist', 'slow'].map(s.shownBars)).toEqual([16, 16, 16])
    expect(w.get('figure').attributes('data-motion')).toBe('none')
    const styles = w.findAll('rect.bar').map(b => b.attributes('style'))
    expect(styles.every(st => st!.includes('transition-delay: 0s'))).toBe(true)
  })

  it('click export renders each step as itself', () => {
    fake.print.value = true
    fake.withClicks.value = true
    expect([0, 1, 2, 3].map(step => summaryOf(view(step)).visibleRows.length)).toEqual([0, 1, 2, 3])
  })

  it('animates on screen and becomes instant with prefers-reduced-motion', async () => {
    expect(view(1).get('figure').attributes('data-motion')).toBe('smooth')
    setReducedMotion('reduce')
    const reduced = view(1)
    await nextTick()
    expect(reduced.get('figure').attributes('data-motion')).toBe('none')
    expect(reduced.get('figure').classes()).toContain('instant')
    expect(reduced.findAll('rect.bar').every(b => b.attributes('style')!.includes('transition-delay: 0s'))).toBe(true)
  })

  it('owns no timer and no control: nothing scheduled, nothing to focus', () => {
    const raf = vi.spyOn(window, 'requestAnimationFrame')
    const timeout = vi.spyOn(window, 'setTimeout')
    const w = view(2)
    fake.showSlide()
    expect(raf).not.toHaveBeenCalled()
    expect(timeout).not.toHaveBeenCalled()
    expect(w.findAll('button, input, [tabindex]')).toHaveLength(0)
    raf.mockRestore()
    timeout.mockRestore()
  })
})
