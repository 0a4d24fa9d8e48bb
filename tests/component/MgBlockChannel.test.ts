// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import MgBlockChannel from '../../components/MgBlockChannel.vue'
import { channelStateAtStep, describeStep, formatPercent, jahrStevensUnblock } from '../../lib/mgBlock'
import { fake, setReducedMotion } from '../support/fakeSlidev'

vi.mock('@slidev/client', () => import('../support/fakeSlidev'))

beforeEach(() => fake.reset())
afterEach(() => fake.reset())

const readout = (w: ReturnType<typeof mount>, key: string) => w.get(`[data-readout="${key}"]`).text()
const name = (w: ReturnType<typeof mount>) => w.get('svg[role="img"]').attributes('aria-label')

describe('<MgBlockChannel> presenter steps', () => {
  it.each([0, 1, 2, 3, 4])('step %i shows the model\'s numbers and says the state in words', (step) => {
    const w = mount(MgBlockChannel, {
      props: { step },
    })
    const s = channelStateAtStep(step)
    expect(w.get('[data-mg-block]').attributes('data-step')).toBe(String(step))
    expect(name(w)).toBe(describeStep(s))
    expect(readout(w, 'unblocked')).toBe(formatPercent(jahrStevensUnblock(s.vMv, 1)))
    expect(w.get('[data-mg-ion]').attributes('data-in-pore')).toBe(step < 3
      ? 'true'
      : 'false')
    expect(w.find('[data-calcium-target]').exists()).toBe(step === 4)
  })

  it('step 2 is open yet blocked: about 4.5 % unblocked at -70 mV', () => {
    const w = mount(MgBlockChannel, {
      props: { step: 2 },
    })
    expect(readout(w, 'potential')).toBe('−70 mV')
    expect(readout(w, 'unblocked')).toBe('4.4 %')
    expect(name(w)).toContain('open but plugged by Mg2+')
  })

  it('follows the presenter when the click count changes', async () => {
    const w = mount(MgBlockChannel, {
      props: { step: 0 },
    })
    await w.setProps({ step: 3 })
    expect(readout(w, 'potential')).toBe('−20 mV')
    expect(name(w)).toContain('Mg2+ expelled')
  })
})

describe('<MgBlockChannel> motion', () => {
  it('moves ion glyphs only at the influx step while the slide is shown', async () => {
    const w = mount(MgBlockChannel, {
      props: { step: 4 },
    })
    expect(w.get('[data-mg-block]').attributes('data-animating')).toBe('true')
    expect(w.find('.mg-glyphs').exists()).toBe(true)
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
    expect(w.find('.mg-glyphs').exists()).toBe(false)
    expect(w.find('[data-static-arrows]').exists()).toBe(true)
    expect(w.get('[data-mg-block]').attributes('data-animating')).toBe('false')
  })
})

describe('<MgBlockChannel> print', () => {
  it('a plain PDF shows blocked at rest beside unblocked when depolarised, whatever the click', () => {
    fake.print.value = true
    const w = mount(MgBlockChannel, {
      props: { step: 4 },
    })
    expect(w.get('[data-mg-block]').attributes('data-mode')).toBe('summary')
    expect(w.findAll('[data-summary-panel]').map(p => p.attributes('data-summary-panel'))).toEqual(['2', '4'])
    expect(name(w)).toMatch(/^NMDA receptor Mg2\+ block, two states\. Left: Step 3 of 5.*Right: Step 5 of 5/)
    expect(w.find('.mg-glyphs').exists()).toBe(false)
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
    fake.leave.forEach(cb => cb())
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
