import { chromium } from 'playwright-chromium'
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' })
const p = await b.newPage({ viewport: { width: 1920, height: 1080 } })
await p.goto(process.argv[2]!)
await p.waitForTimeout(1500)
console.log(await p.evaluate(process.argv[3]!))
await b.close()
