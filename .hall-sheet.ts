// Local helper (not committed): contact sheets (4x4) of PNGs, for viewing many slides at once.
import { readdirSync, readFileSync } from 'node:fs'
import { chromium } from 'playwright-chromium'

const [prefix, out] = [process.argv[2]!, process.argv[3]!]
const dir = prefix.slice(0, prefix.lastIndexOf('/'))
const base = prefix.slice(prefix.lastIndexOf('/') + 1)
const files = readdirSync(dir).filter(f => f.startsWith(base) && f.endsWith('.png')).sort()
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' })
const page = await browser.newPage({ viewport: { width: 1920, height: 1120 } })
for (let i = 0; i < files.length; i += 16) {
  const cells = files.slice(i, i + 16).map(f => `<div><img src="data:image/png;base64,${readFileSync(`${dir}/${f}`).toString('base64')}"><span>${f.replace(/.*-(\d+)\.png/, '$1')}</span></div>`).join('')
  await page.setContent(`<style>body{margin:0;display:grid;grid-template-columns:repeat(4,480px);gap:0;background:#888}div{position:relative;height:280px}img{width:476px;height:268px;border:2px solid #000}span{position:absolute;left:4px;top:4px;background:yellow;font:bold 20px sans-serif}</style>${cells}`)
  await page.screenshot({ path: `${out}-${String(i / 16 + 1)}.png` })
}
await browser.close()
