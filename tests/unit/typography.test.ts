import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { keepNumbersTogether, keepNumbersTogetherInHtml, keepNumbersTogetherRule, NBSP, unbrokenParts } from '../../lib/typography'

const shown = (s: string) => keepNumbersTogether(s).replaceAll(NBSP, '~')

describe('numbers keep their units on the line', () => {
  it('joins a number to its unit or counted word', () => {
    expect(shown('lasted over 24 h after surgery')).toBe('lasted over 24~h after surgery')
    expect(shown('14 trials, 848 patients')).toBe('14~trials, 848~patients')
    expect(shown('up to 30 % below')).toBe('up to~30~% below')
    expect(shown('0.35 mg/kg')).toBe('0.35~mg/kg')
  })

  it('joins a bound or the "to" of a range to the number after it', () => {
    expect(shown('> 50 % relief')).toBe('>~50~% relief')
    expect(shown('Mean difference 7.6 mg (95 % CI 5.8 to 9.5)')).toBe('Mean difference 7.6~mg (95~%~CI~5.8~to~9.5)')
    expect(shown('(−1.98 to −0.37)')).toBe('(−1.98~to~−0.37)')
    expect(shown('≤ 0.35 mg/kg')).toBe('≤~0.35~mg/kg')
  })

  it('joins a statistic\'s symbol to its value', () => {
    expect(shown('Negative trials; g 0.03 in PHN')).toBe('Negative trials; g~0.03~in PHN')
    expect(shown('Hedges\' g −1.18 (−1.98 to −0.37)')).toBe('Hedges\' g~−1.18 (−1.98~to~−0.37)')
    expect(shown('NNT 3.6 (3 to 4.5); RR 2.1')).toBe('NNT~3.6 (3~to~4.5); RR~2.1')
    expect(shown('(95 % CI -2.35 to -1.31)')).toBe('(95~%~CI~-2.35~to~-1.31)')
  })

  // A 4:3 column broke "MK- / 801" on the tolerance slide, and "S(+)- / ketamine".
  it('finds the words that must not break at their hyphen, and leaves other hyphens and minus signs alone', () => {
    const words = (s: string) => unbrokenParts(s).filter((_, i) => i % 2)
    expect(words('in rats, MK-801 eased withdrawal')).toEqual(['MK-801'])
    expect(words('CP-101,606 and REL-1017; SF-36, COVID-19')).toEqual([
      'CP-101,606',
      'REL-1017',
      'SF-36',
      'COVID-19',
    ])
    expect(words('100-h S(+)-ketamine infusion; R(−)-methadone')).toEqual(['S(+)-ketamine', 'R(−)-methadone'])
    expect(words('day-0 dose, NR2A-D, well-known, small-dose, opioid-induced, p-value, x-ray, Type-2')).toEqual([])
    expect(shown('(95 % CI -2.35 to -1.31)')).toBe('(95~%~CI~-2.35~to~-1.31)')
  })

  // Through markdown-it as Slidev sets it up (linkify on, HTML allowed), with the rule it runs.
  it('wraps those words in a span that does not wrap, the text as typed; never in a link, code or an interpolation', () => {
    const md = new MarkdownIt({ html: true, linkify: true })
    md.core.ruler.push('keep-numbers-together', keepNumbersTogetherRule as never)
    const html = (s: string) => md.render(s).replaceAll(NBSP, '~').trim()
    expect(html('- In rats, MK-801 eased **naloxone-precipitated** withdrawal')).toBe('<ul>\n<li>In rats, <span class="nowrap">MK-801</span>~eased <strong>naloxone-precipitated</strong> withdrawal</li>\n</ul>')
    // A bare URL, linked by linkify: its text is the address, and a copy of it must work.
    expect(html('See https://doi.org/10.1097/ALN-000 and MK-801')).toBe('<p>See <a href="https://doi.org/10.1097/ALN-000">https://doi.org/10.1097/ALN-000</a> and <span class="nowrap">MK-801</span></p>')
    expect(html('`A-1 to 2 mg` and {{ N-1 }} 3 mg')).toBe('<p><code>A-1 to 2 mg</code> and {{ N-1 }} 3 mg</p>')
  })

  it('leaves words and number lists free to break', () => {
    expect(shown('went to the ward')).toBe('went to the ward')
    expect(shown('in 1991, the NMDA receptor')).toBe('in 1991, the NMDA receptor')
    expect(shown('Cochrane 2016 review')).toBe('Cochrane 2016~review')
    // Only a statistic's symbol holds to its number: not any short word.
    expect(shown('in 2016 a 3 to 4 mg/kg dose')).toBe('in 2016~a 3~to~4~mg/kg dose')
    expect(shown('Phase II 3 trials; IV 0.5 mg/kg')).toBe('Phase II 3~trials; IV 0.5~mg/kg')
    expect(shown('it\'s 3 or 4')).toBe('it\'s 3~or 4')
    expect(shown('in 1991 1994 and')).toBe('in 1991 1994~and')
    expect(shown('0.03 (−0.51 to 0.56)')).toBe('0.03 (−0.51~to~0.56)')
    expect(shown('citation [1] here')).toBe('citation [1] here')
  })

  it('in a block of HTML, changes the text between tags only', () => {
    const html = (s: string) => keepNumbersTogetherInHtml(s).replaceAll(NBSP, '~')
    expect(html('<div class="key-facts">\n<span class="num">24 h</span>\nLess PCA meperidine over 24 h\n')).toBe('<div class="key-facts">\n<span class="num">24~h</span>\nLess PCA meperidine over 24~h\n')
    expect(html('<FigureFrame alt="16 stimuli at 0.5 Hz" :steps="[\'a > 2 b\']" />')).toBe('<FigureFrame alt="16 stimuli at 0.5 Hz" :steps="[\'a > 2 b\']" />')
    expect(html('<p>&gt; 50 % relief</p>')).toBe('<p>&gt;~50~% relief</p>')
    expect(html('<style>\n.a { width: 10 px }\n</style>')).toBe('<style>\n.a { width: 10 px }\n</style>')
    // The words wrapped as in Markdown; code, a link's text and an interpolation as written.
    expect(html('<div>MK-801 at 10 mg/kg</div>')).toBe('<div><span class="nowrap">MK-801</span>~at 10~mg/kg</div>')
    expect(html('<pre>x = A-1 at 2 mg</pre><code>MK-801</code> <a href="x">REL-1017</a> {{ N-1 }} MK-801')).toBe('<pre>x = A-1 at 2 mg</pre><code>MK-801</code> <a href="x">REL-1017</a> {{ N-1 }} <span class="nowrap">MK-801</span>')
  })
})
