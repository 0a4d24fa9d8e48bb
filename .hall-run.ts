// Local helper (not committed): the hall checks against a running deck (dev server or preview).
import { chromium } from 'playwright-chromium'
import { formatHallFinding, slideFindings, titleFindings, emptyShare } from './lib/hallChecks'
import { measureSlide } from './tests/e2e/hallMeasure'
const url = process.env.URL ?? 'http://localhost:4424/'
const total = Number(process.env.TOTAL ?? 75)
const sizes = (process.env.SIZES ?? '1920x1080').split(',').map(s => s.split('x').map(Number))
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' })
const all: any[] = []
for (const [w, h] of sizes) {
  const p = await b.newPage({ viewport: { width: w!, height: h! }, reducedMotion: 'reduce' })
  await p.addInitScript('window.__name = (f) => f')
  for (let no = 1; no <= total; no++) {
    await p.goto(`${url}${no}?clicks=99`)
    await p.locator(`.slidev-page-${no}`).waitFor()
    await p.evaluate(() => document.fonts.ready)
    await p.waitForTimeout(200)
    const m = await measureSlide(p as any, no, `${w}`)
    all.push(m)
    const e = emptyShare(m)
    for (const f of slideFindings(m)) console.log(formatHallFinding(f))
    if (process.env.EMPTY) console.log(no, e?.toFixed(2))
  }
}
for (const f of titleFindings(all)) console.log(formatHallFinding(f))
await b.close()
