// @vitest-environment happy-dom
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import FigureFrame from '../../components/FigureFrame.vue'
import { figureNames } from '../../lib/componentCheck'
import { inlineFigure } from '../../lib/figureLabel'

const ARIA_NAMING = [
  'role',
  'aria-label',
  'aria-labelledby',
  'aria-describedby',
  'aria-hidden',
]

// happy-dom serves import.meta.url over http: the project is the folder Vitest runs in.
const projectRoot = resolve('.')

describe('<FigureFrame>', () => {
  const figures = figureNames(join(projectRoot, 'figures'))

  it.each(figures)('%s: one image, named by its alt, its drawing shown and not named again', (name) => {
    const w = mount(FigureFrame, {
      props: { name, alt: `What ${name} shows.` },
    })
    const figure = w.get('figure')
    expect(figure.attributes('role')).toBe('img')
    expect(figure.attributes('aria-label')).toBe(`What ${name} shows.`)
    const svg = w.get('svg')
    expect(ARIA_NAMING.filter(a => svg.attributes(a) !== undefined)).toEqual([])
    // Nothing inside is hidden: an aria-hidden drawing left the whole figure out of the tagged PDF.
    expect(w.findAll('[aria-hidden]')).toHaveLength(0)
    // The drawing keeps its words and its own title for whoever opens it.
    expect(svg.find('title').exists()).toBe(true)
    expect(svg.findAll('text').length).toBeGreaterThan(0)
  })

  it('is given the figure files as drawn: each names itself for when it is opened alone', () => {
    expect(figures.length).toBeGreaterThan(0)
    for (const name of figures)
      expect(readFileSync(join(projectRoot, 'figures', `${name}.svg`), 'utf8')).toMatch(/<svg\b[^>]*\srole="img"/)
  })
})

describe('inlineFigure', () => {
  it('takes the root\'s naming off whatever a drawing program wrote around it', () => {
    const out = inlineFigure(`<?xml version="1.0"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<!-- an <svg role="img"> in a comment -->
<svg xmlns="http://www.w3.org/2000/svg" data-note="a > b" role='img' aria-label="x" aria-labelledby="t d" viewBox="0 0 10 10"><title id="t">T</title><desc id="d">D</desc><text>Words</text></svg>`, 'figures/x.svg')
    expect(out).toMatch(/^<svg\b/)
    expect(out).not.toMatch(/\s(?:role|aria-label|aria-labelledby)=/)
    expect(out).toContain('data-note="a &gt; b"')
    expect(out).toContain('<title id="t">T</title>')
    expect(out).toContain('Words')
  })

  it('names the file that is not a readable SVG, and what to do', () => {
    expect(() => inlineFigure('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>', 'figures/broken.svg')).toThrow(/^figures\/broken\.svg is not an SVG drawing that can be read: .*Save it again as plain SVG\.$/)
    expect(() => inlineFigure('<html><body/></html>', 'figures/page.svg')).toThrow(/figures\/page\.svg is not an SVG drawing.*its root is <html>/)
  })
})
