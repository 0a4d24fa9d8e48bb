import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { headmatterError } from '../../lib/deckCheck'
import { formatFinding } from '../../lib/finding'

// In the dev server's process Slidev's reader throws on a headmatter it cannot parse; the
// terminal must then say what the build says, at the same line (issue: `title: a: b` was
// reported by `npm run build` and by nothing in `npm run dev`).
describe('headmatterError', () => {
  const thrown = (yaml: string) => {
    try {
      parse(yaml)
    }
    catch (error) {
      return error
    }
    throw new Error('the YAML parsed')
  }

  it('names the line and column in the file, counting the opening --- line, with the build\'s hint', () => {
    const error = thrown('# Talk identity\n# a comment\ntitle: Glutamate gates: chronic pain\n')
    const f = headmatterError('slides.md', error)
    expect(f && formatFinding(f)).toMatch(/^slides\.md:4:8: broken frontmatter: Nested mappings are not allowed in compact mappings\. A value with ": " in it needs quotes, e\.g\. title: "Pain: a review"\.$/)
  })

  it('leaves any other error to be reported as it is', () => {
    expect(headmatterError('slides.md', new Error('ENOENT: no such file'))).toBeUndefined()
  })
})
