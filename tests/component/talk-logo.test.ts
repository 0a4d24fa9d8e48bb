// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { ref } from 'vue'
import TitleSlide from '../../components/TitleSlide.vue'
import SlideBottom from '../../slide-bottom.vue'

// The headmatter as Slidev hands it to components ($slidev.configs), per test.
const talk: { configs: Record<string, unknown> } = { configs: {} }
function useSlideContext() {
  return {
    $slidev: { configs: talk.configs },
    $page: ref(3),
    $frontmatter: {},
  }
}
// The title slide takes Slidev's context from components/slidev.ts, the footer from Slidev.
vi.mock('@slidev/client', () => ({ useSlideContext }))
vi.mock('../../components/slidev', () => ({ useSlideContext }))

const identity = { title: 'T', author: 'Dr A', affiliation: 'Example Pain Institute' }

describe('the logo on the title slide and in the footer', () => {
  it('shows nothing, not an empty box, when the headmatter has no logo', () => {
    for (const logo of [undefined, null, '']) {
      talk.configs = { ...identity, logo }
      expect(mount(TitleSlide).find('img').exists(), String(logo)).toBe(false)
      expect(mount(SlideBottom).find('img').exists(), String(logo)).toBe(false)
    }
  })

  it('shows the image from public/ at the site\'s base, named on the title slide and decorative in the footer', () => {
    talk.configs = { ...identity, logo: 'public/brand/logo.svg' }
    const title = mount(TitleSlide).get('img')
    expect(title.attributes()).toMatchObject({ src: `${import.meta.env.BASE_URL}brand/logo.svg`, alt: 'Example Pain Institute logo' })
    const footer = mount(SlideBottom)
    expect(footer.get('img').attributes()).toMatchObject({ src: `${import.meta.env.BASE_URL}brand/logo.svg`, alt: '' })
    expect(footer.text()).toContain('T · Dr A · 3')
  })
})

describe('the date on the title slide', () => {
  it('reads as on the handout cover, "22 November 2026", whether YAML gave a Date or the browser a string', () => {
    for (const date of [
      new Date(Date.UTC(2026, 10, 22)),
      '2026-11-22T00:00:00.000Z',
    ]) {
      talk.configs = { ...identity, event: 'Lecture series', date }
      expect(mount(TitleSlide).get('.event').text()).toBe('Lecture series · 22 November 2026')
    }
  })
})
