import type { DOMWrapper } from '@vue/test-utils'

/**
 * A diagram's <svg role="img"> as assistive technology names it (aria-label, or the elements
 * aria-labelledby and aria-describedby point to), beside what its <title> and <desc> say.
 */
export function accessibleText(svg: Pick<DOMWrapper<Element>, 'attributes' | 'get'>) {
  const textOf = (ids?: string) => (ids ?? '').split(/\s+/).filter(Boolean).map(id => svg.get(`[id="${id}"]`).text()).join(' ')
  return {
    role: svg.attributes('role'),
    name: svg.attributes('aria-label') ?? textOf(svg.attributes('aria-labelledby')),
    description: textOf(svg.attributes('aria-describedby')),
    heading: svg.get('title').text(),
    text: svg.get('desc').text(),
  }
}
