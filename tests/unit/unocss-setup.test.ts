import { createGenerator, presetWind3 } from 'unocss'
import { describe, expect, it } from 'vitest'
import setup, { classesIn, slideClassExtractor } from '../../setup/unocss'

// The deck's UnoCSS setup (setup/unocss.ts): a slide's prose is not read as utility classes,
// so typing in a slide does not regenerate the stylesheet; class attributes still are.
const slide = `<h1>Windup and the grid of flex responses</h1>
<p>Ketamine is used when opioids fail; the block is relieved at depolarised potentials.</p>
<div class="grid grid-cols-2 gap-4"><span class='text-red-600'>note</span></div>
<script>const frontmatter = {"class":"component-slide"}</script>`

describe('unoCSS reads class attributes only in a slide', () => {
  it('takes the classes of class attributes, in either quote, and of a frontmatter class', () => {
    expect([
      ...classesIn(slide),
    ].sort()).toEqual([
      'component-slide',
      'gap-4',
      'grid',
      'grid-cols-2',
      'text-red-600',
    ])
  })

  it('generates the utilities a slide names and none from its words, with the real UnoCSS', async () => {
    const uno = await createGenerator({
      presets: [
        presetWind3(),
      ],
      ...(setup as () => object)(),
    })
    const asSlide = await uno.generate(slide, { id: '/deck/slides/02-x.md__slidev_4.md', preflights: false })
    expect(asSlide.css).toContain('.grid-cols-2')
    expect(asSlide.css).toContain('.text-red-600')
    // "grid" and "flex" are in the prose too; "flex" only there.
    expect(asSlide.css).not.toMatch(/\.flex\b/)
    expect(asSlide.css).not.toMatch(/\.block\b/)
    // Without the setup, the same text gives utilities from its words: the rule is what stops it.
    const stock = await createGenerator({
      presets: [
        presetWind3(),
      ],
    })
    expect((await stock.generate(slide, { id: '/deck/slides/02-x.md__slidev_4.md', preflights: false })).css).toMatch(/\.flex\b/)
  })

  it('reads a component or layout in full, as UnoCSS does by default', async () => {
    const vue = '<template><div class="card" flex>\n  a block of text\n</div></template>'
    const tokens = await slideClassExtractor.extract!({
      code: vue,
      id: '/deck/components/Card.vue',
      original: vue,
      extracted: new Set(),
    } as never)
    expect([...tokens as Set<string>]).toEqual(expect.arrayContaining(['card', 'block']))
  })
})
