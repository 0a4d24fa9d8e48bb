import { describe, expect, it } from 'vitest'
import { keepNumbersTogether, keepNumbersTogetherInHtml, NB_HYPHEN, NBSP } from '../../lib/typography'

const shown = (s: string) => keepNumbersTogether(s).replaceAll(NBSP, '~').replaceAll(NB_HYPHEN, '=')

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

  // A 4:3 column broke "MK- / 801" on the tolerance slide.
  it('keeps a compound\'s code whole, and leaves other hyphens and minus signs alone', () => {
    expect(shown('in rats, MK-801 eased withdrawal')).toBe('in rats, MK=801~eased withdrawal')
    expect(shown('CP-101,606 and REL-1017; SF-36')).toBe('CP=101,606~and REL=1017; SF=36')
    expect(shown('day-0 dose, NR2A-D, well-known, IL-1β')).toBe('day-0~dose, NR2A-D, well-known, IL=1β')
    expect(shown('(95 % CI -2.35 to -1.31)')).toBe('(95~%~CI~-2.35~to~-1.31)')
    // The isomer's prefix stays with its compound; a hyphen between words is still a break.
    expect(shown('100-h S(+)-ketamine infusion; R(−)-methadone')).toBe('100-h S(+)=ketamine infusion; R(−)=methadone')
    expect(shown('small-dose ketamine, opioid-induced')).toBe('small-dose ketamine, opioid-induced')
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
  })
})
