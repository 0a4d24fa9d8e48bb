import { describe, expect, it } from 'vitest'
import { BrowserNotFoundError, findBrowser } from '../../lib/browser'

function search(files: string[], env: Record<string, string> = {}, platform = 'linux') {
  return {
    env,
    platform,
    home: '/home/lecturer',
    exists: (p: string) => files.some(f => f === p || f.startsWith(`${p}/`)),
    list: (dir: string) => [
      ...new Set(files.filter(f => f.startsWith(`${dir}/`)).map(f => f.slice(dir.length + 1).split('/')[0]!)),
    ],
  }
}

describe('findBrowser', () => {
  it('prefers CHROMIUM_PATH over everything else', () => {
    const s = search(['/opt/my/chrome', '/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/my/chrome' })
    expect(findBrowser(s)).toEqual({ path: '/opt/my/chrome', source: 'CHROMIUM_PATH' })
  })

  it('says so when CHROMIUM_PATH points nowhere, instead of quietly using another browser', () => {
    const s = search(['/usr/bin/chromium'], { CHROMIUM_PATH: '/nope/chrome' })
    expect(() => findBrowser(s)).toThrow(/CHROMIUM_PATH is set to "\/nope\/chrome"/)
  })

  it('takes the newest browser Playwright downloaded before system browsers', () => {
    const root = '/home/lecturer/.cache/ms-playwright'
    const s = search([`${root}/chromium-1100/chrome-linux/chrome`, `${root}/chromium-1187/chrome-linux/chrome`, '/usr/bin/google-chrome'])
    expect(findBrowser(s)).toEqual({ path: `${root}/chromium-1187/chrome-linux/chrome`, source: 'playwright' })
  })

  it('finds Debian Chromium, Google Chrome or Edge on Linux', () => {
    expect(findBrowser(search(['/usr/bin/chromium'])).path).toBe('/usr/bin/chromium')
    expect(findBrowser(search(['/usr/bin/google-chrome-stable'])).path).toBe('/usr/bin/google-chrome-stable')
    expect(findBrowser(search(['/opt/microsoft/msedge/msedge'])).path).toBe('/opt/microsoft/msedge/msedge')
  })

  it('finds Chrome on macOS', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
    expect(findBrowser(search([chrome], {}, 'darwin')).path).toBe(chrome)
  })

  it('tells what to install when there is no browser', () => {
    let error: unknown
    try {
      findBrowser(search([]))
    }
    catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(BrowserNotFoundError)
    const message = (error as Error).message
    expect(message).toContain('apt-get install chromium')
    expect(message).toContain('npx playwright install chromium')
    expect(message).toContain('CHROMIUM_PATH')
  })
})
