/** Slide titles as plain text. No Node imports: the handout page (pages/handout.vue) uses it in the browser. */

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '+': '⁺',
  '-': '⁻',
  '−': '⁻',
}
const SUBSCRIPT: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
  '+': '₊',
  '-': '₋',
}

/**
 * A slide title as plain text for bookmarks and captions: "Mg<sup>2+</sup> block" ->
 * "Mg²⁺ block". A PDF outline shows no markup, and "Mg2+" would misstate the ion.
 */
export function plainTitle(html: string): string {
  const script = (map: Record<string, string>) => (_: string, inner: string) => {
    const text = inner.replace(/<[^>]*>/g, '')
    return [...text].every(c => c in map)
      ? [...text].map(c => map[c]).join('')
      : text
  }
  return html
    .replace(/<sup>([^<]*)<\/sup>/gi, script(SUPERSCRIPT))
    .replace(/<sub>([^<]*)<\/sub>/gi, script(SUBSCRIPT))
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, '\'')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}
