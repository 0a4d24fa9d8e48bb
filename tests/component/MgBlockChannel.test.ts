// @vitest-environment happy-dom
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import process from 'node:process'
import { enableAutoUnmount, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import MgBlockChannel from '../../components/MgBlockChannel.vue'
import { channelStateAtStep, describeStep, formatPercent, jahrStevensUnblock } from '../../lib/mgBlock'
import { mgPosition, STEPS_SCENE } from '../../lib/mgBlockGeometry'
import { fake, setReducedMotion } from '../support/fakeSlidev'

vi.mock('../../components/slidev', () => import('../support/fakeSlidev'))
// A diagram left mounted by an earlier test would follow the fake deck's slide too.
enableAutoUnmount(afterEach)

beforeEach(() => fake.reset())
afterEach(() => fake.reset())

const readout = (w: ReturnType<typeof mount>, key: string) => w.get(`[data-readout="${key}"]`).text()
// Words as a slide passes them; any words do: the tests below never read them back except to
// check that they came from the slide.
const CAPTIONS = ['c0', 'c1', 'c2', 'c3', 'c4']
const wording = {
  subunits: [
    ['GluN1', '(NR1)'],
    ['GluN2B', '(NR2B)'],
  ],
  captions: CAPTIONS,
  target: ['t0', 't1'],
}
const name = (w: ReturnType<typeof mount>) => w.get('svg[role="img"]').attributes('aria-label')

describe('<MgBlockChannel> presenter steps', () => {
  it.each([0, 1, 2, 3, 4])('step %i shows the model\'s numbers and says the state in words', (step) => {
    const w = mount(MgBlockChannel, {
      props: { step, ...wording },
    })
    const s = channelStateAtStep(step)
    expect(w.get('[data-mg-block]').attributes('data-step')).toBe(String(step))
    expect(name(w)).toBe(describeStep(s, CAPTIONS[step]!))
    expect(readout(w, 'unblocked')).toBe(formatPercent(jahrStevensUnblock(s.vMv, 1)))
    // In the pore only while the channel is open at rest (step 2): outside a closed channel,
    // which Mg2+ cannot enter, and outside once depolarisation has expelled it.
    const mg = mgPosition(STEPS_SCENE.cx, step === 2
      ? 0
      : 1)
    expect(w.get('[data-mg-ion]').attributes('transform')).toBe(`translate(${mg.x} ${mg.y})`)
    expect(w.find('[data-shape="target-box"]').exists()).toBe(step === 4)
  })

  it('step 2 is open yet blocked: about 4.5 % unblocked at -70 mV', () => {
    const w = mount(MgBlockChannel, {
      props: { step: 2 },
    })
    expect(readout(w, 'potential')).toBe('−70 mV')
    expect(readout(w, 'unblocked')).toBe('4.4 %')
    expect(readout(w, 'current')).toMatch(/^inward/)
  })

  it('follows the presenter when the click count changes', async () => {
    const w = mount(MgBlockChannel, {
      props: { step: 0 },
    })
    await w.setProps({ step: 3 })
    // Jumping there (not from step 2) shows the end of the sweep at once.
    expect(readout(w, 'potential')).toBe('−20 mV')
    const out = mgPosition(STEPS_SCENE.cx, 1)
    expect(w.get('[data-mg-ion]').attributes('transform')).toBe(`translate(${out.x} ${out.y})`)
  })
})

describe('<MgBlockChannel> motion', () => {
  it('moves ion glyphs only at the influx step while the slide is shown', async () => {
    const w = mount(MgBlockChannel, {
      props: { step: 4 },
    })
    expect(w.get('[data-mg-block]').attributes('data-animating')).toBe('true')
    expect(w.find('.mg-flow').exists()).toBe(true)
    const idle = mount(MgBlockChannel, {
      props: { step: 2 },
    })
    expect(idle.get('[data-mg-block]').attributes('data-animating')).toBe('false')
  })

  it('with reduced motion draws static arrows with numbers instead of moving ions', async () => {
    setReducedMotion('reduce')
    const w = mount(MgBlockChannel, {
      props: { step: 4 },
    })
    await nextTick()
    expect(w.find('.mg-flow').exists()).toBe(false)
    expect(w.find('[data-static-arrows]').exists()).toBe(true)
    expect(w.get('[data-mg-block]').attributes('data-animating')).toBe('false')
  })
})

describe('<MgBlockChannel> print', () => {
  it('a plain PDF shows blocked at rest beside unblocked when depolarised, whatever the click', () => {
    fake.print.value = true
    const w = mount(MgBlockChannel, {
      props: { step: 4, ...wording },
    })
    expect(w.get('[data-mg-block]').attributes('data-mode')).toBe('summary')
    expect(w.findAll('[data-mg-ion]')).toHaveLength(2)
    expect(name(w)).toMatch(/^NMDA receptor Mg2\+ block, two states\. Left: Step 3 of 5: c2.*Right: Step 5 of 5: c4/)
    expect(w.find('.mg-flow').exists()).toBe(false)
  })

  it('click export prints each step as itself, without motion', () => {
    fake.print.value = true
    fake.withClicks.value = true
    const w = mount(MgBlockChannel, {
      props: { step: 1 },
    })
    expect(w.get('[data-mg-block]').attributes('data-mode')).toBe('steps')
    expect(w.get('[data-mg-block]').attributes('data-step')).toBe('1')
    expect(w.get('[data-mg-block]').attributes('data-animating')).toBe('false')
  })
})

describe('<MgBlockChannel interactive>', () => {
  it('has labelled controls, and the readout follows them through the model', async () => {
    const w = mount(MgBlockChannel, {
      props: { interactive: true },
    })
    const potential = w.get('input[data-control="potential"]')
    const mg = w.get('input[data-control="mg"]')
    expect(w.get(`label[for="${potential.attributes('id')}"]`).text()).toBe('Membrane potential')
    expect(w.get(`label[for="${mg.attributes('id')}"]`).text()).toContain('outside')
    await potential.setValue('-30')
    await mg.setValue('20')
    expect(readout(w, 'potential')).toBe('−30 mV')
    expect(readout(w, 'mg')).toBe('2.0 mM')
    expect(readout(w, 'unblocked')).toBe(formatPercent(jahrStevensUnblock(-30, 2)))
    expect(readout(w, 'half')).toBe('−9.3 mV')
    expect(potential.attributes('aria-valuetext')).toBe('−30 mV')
  })

  it('keeps the arrow keys for the slider, not for Slidev', async () => {
    const w = mount(MgBlockChannel, {
      props: { interactive: true },
      attachTo: document.body,
    })
    let reachedDeck = false
    const listener = () => {
      reachedDeck = true
    }
    document.addEventListener('keydown', listener)
    w.get('input[data-control="potential"]').element.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }))
    document.removeEventListener('keydown', listener)
    expect(reachedDeck).toBe(false)
    w.unmount()
  })
})

describe('<MgBlockChannel> animation loop', () => {
  // A hand-cranked requestAnimationFrame: the test decides when frames happen.
  let queue: Map<number, FrameRequestCallback>
  let nextId: number
  beforeEach(() => {
    queue = new Map()
    nextId = 1
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
      queue.set(nextId, cb)
      return nextId++
    })
    vi.stubGlobal('cancelAnimationFrame', (id: number) => {
      queue.delete(id)
    })
  })
  afterEach(() => vi.unstubAllGlobals())
  const crank = (frames: number, startMs: number) => {
    for (let i = 0; i < frames; i++) {
      const pending = [
        ...queue.values(),
      ]
      queue.clear()
      pending.forEach(cb => cb(startMs + i * 16))
    }
  }
  const visibleGlyphs = (w: ReturnType<typeof mount>) =>
    w.findAll('[data-glyph]').filter(g => (g.element as SVGElement).style.opacity !== '0')

  it('asks for frames only after the slide is entered, moves glyphs by transform, and stops on leave', async () => {
    const w = mount(MgBlockChannel, {
      props: { step: 4 },
    })
    await nextTick()
    expect(queue.size).toBe(0)
    fake.showSlide()
    await nextTick()
    expect(queue.size).toBe(1)
    crank(60, 1000) // about one second: the model's rate puts several glyphs in flight
    const moving = visibleGlyphs(w)
    expect(moving.length).toBeGreaterThan(2)
    const before = moving.map(g => (g.element as SVGElement).style.transform)
    expect(before.every(t => /^translate\(/.test(t))).toBe(true)
    crank(5, 2000)
    expect(moving.map(g => (g.element as SVGElement).style.transform)).not.toEqual(before)
    fake.leaveSlide()
    await nextTick()
    expect(queue.size).toBe(0)
  })

  it('asks for no frames when the drawn pore is plugged (step 2), even on the shown slide', async () => {
    const w = mount(MgBlockChannel, {
      props: { step: 2 },
    })
    fake.showSlide()
    await nextTick()
    expect(queue.size).toBe(0)
    expect(visibleGlyphs(w)).toHaveLength(0)
  })

  it('in the interactive view the glyph rate follows the model current: none at the reversal potential', async () => {
    const w = mount(MgBlockChannel, {
      props: { interactive: true, initialPotentialMv: 0 },
    })
    fake.showSlide()
    await nextTick()
    expect(w.get('[data-mg-block]').attributes('data-animating')).toBe('false')
    expect(readout(w, 'current')).toMatch(/^no current/)
    await w.get('input[data-control="potential"]').setValue('-40')
    expect(w.get('[data-mg-block]').attributes('data-animating')).toBe('true')
  })
})

describe('<MgBlockChannel> words come from the slide', () => {
  // A fork relabels on its slide; nothing in the components or lib names the lecture's words.
  it('draws the names, captions and consequence it is given, and no others', () => {
    const w = mount(MgBlockChannel, {
      props: {
        step: 4,
        subunits: [
          ['NR-one'],
          ['GluN2-X', '(other)'],
        ],
        captions: [
          'a',
          'b',
          'c',
          'd',
          'Ions flow, in other words',
        ],
        target: ['Ca²⁺ → kinases'],
      },
    })
    const text = w.text()
    expect(text).toContain('NR-one')
    expect(text).toContain('GluN2-X')
    expect(text).toContain('(other)')
    expect(text).toContain('Ca²⁺ → kinases')
    expect(readout(w, 'caption')).toContain('Ions flow, in other words')
    expect(name(w)).toContain('Ions flow, in other words')
    expect(text).not.toMatch(/GluN2B|GluN1|NR2B|central sensitization/)
  })

  it('the interactive view takes its two captions from the slide too', async () => {
    const w = mount(MgBlockChannel, {
      props: {
        interactive: true,
        subunits: [
          ['A'],
          ['B'],
        ],
        captions: ['still plugged', 'now open'],
      },
    })
    expect(readout(w, 'caption')).toBe('still plugged')
    await w.get('input[data-control="potential"]').setValue('20')
    expect(readout(w, 'caption')).toBe('now open')
  })

  it('the diagram components and their lib modules carry no lecture wording and no colour codes', () => {
    const files = [
      'MgBlockChannel',
      'MgBlockSteps',
      'MgBlockSummary',
      'MgBlockTryIt',
      'MgScene',
      'MgIonFlow',
      'MgReadout',
      'MgIvPlot',
      'ToleranceCurves',
      'WindupTrain',
    ]
      .map(f => `components/${f}.vue`)
      .concat([
        'lib/mgBlock.ts',
        'lib/mgBlockGeometry.ts',
        'lib/tolerance.ts',
        'lib/toleranceGeometry.ts',
        'lib/windup.ts',
        'lib/windupGeometry.ts',
      ])
    for (const f of files) {
      const source = readFileSync(resolve(process.cwd(), f), 'utf8')
      // Colours come from styles/tokens.css custom properties.
      if (f.endsWith('.vue'))
        expect(source.match(/#[0-9a-f]{3,8}\b/gi), f).toBeNull()
      // Names and captions come from the slide (comments may mention them).
      const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$|<!--[\s\S]*?-->/gm, '')
      expect(code, f).not.toMatch(/GluN2B|NR2B|central sensitization|block relieved|MK-801/)
    }
  })
})
