import type { Page } from '@playwright/test'
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'
import { formatMillivolts } from '../../lib/mgBlock'
import { slideNumberOf } from './deck'

// `npm run dev` in the hall: the presenter view on the laptop and the deck on another device
// (here a second browser context: no BroadcastChannel between them), kept in step by
// Slidev's dev server. Port: E2E_PORT + 1 (the built deck's server has E2E_PORT).
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)))
const port = Number(process.env.E2E_PORT ?? 4317) + 1
const url = `http://127.0.0.1:${port}/`
let server: ChildProcess | undefined

test.beforeAll(async () => {
  test.setTimeout(120_000)
  server = spawn(process.execPath, [resolve(root, 'node_modules/@slidev/cli/bin/slidev.mjs'), 'slides.md', '--port', String(port), '--bind', '127.0.0.1', '--open=false'], { cwd: root, stdio: 'ignore', detached: false })
  for (let i = 0; i < 200; i++) {
    if (await fetch(url).then(r => r.ok, () => false))
      return
    await new Promise(r => setTimeout(r, 500))
  }
  throw new Error(`the dev server did not answer at ${url}`)
})

test.afterAll(() => {
  server?.kill()
})

const readout = (page: Page, no: number) => page.locator(`.slidev-page-${no} [data-readout="potential"]`).first()

test('under the dev server the Try-it state is shared between devices within 100 ms', async ({ browser }) => {
  test.setTimeout(180_000)
  const no = await slideNumberOf(/<MgBlockChannel\s+interactive/)
  const laptop = await (await browser.newContext()).newPage()
  const projector = await (await browser.newContext()).newPage()
  await laptop.goto(`${url}presenter/${no}`)
  await projector.goto(`${url}${no}`)
  await expect(readout(laptop, no)).toBeVisible({ timeout: 90_000 })
  await expect(readout(projector, no)).toBeVisible({ timeout: 90_000 })

  for (const [from, to, mv] of [[laptop, projector, -33], [projector, laptop, -52]] as const) {
    const text = formatMillivolts(mv)
    const seen = to.evaluate(({ sel, text }) => new Promise<number>((resolve) => {
      const obs = new MutationObserver(() => {
        if ([...document.querySelectorAll(sel)].some(e => e.textContent?.trim() === text)) {
          obs.disconnect()
          resolve(Date.now())
        }
      })
      obs.observe(document.body, { subtree: true, childList: true, characterData: true })
    }), { sel: `.slidev-page-${no} [data-readout="potential"]`, text })
    const sent = await from.locator(`.slidev-page-${no} input[data-control="potential"]`).first().evaluate((el: HTMLInputElement, v) => {
      el.value = String(v)
      el.dispatchEvent(new Event('input', { bubbles: true }))
      return Date.now()
    }, mv)
    expect((await seen) - sent, `${text} shown on the other device, ms`).toBeLessThan(100)
  }
  // A device that connects later gets the state from the server.
  const late = await (await browser.newContext()).newPage()
  await late.goto(`${url}${no}`)
  await expect(readout(late, no)).toHaveText(formatMillivolts(-52), { timeout: 60_000 })
})
