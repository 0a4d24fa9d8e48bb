import { existsSync, readdirSync } from 'node:fs'
import { homedir, platform } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'

/**
 * Finding a Chromium-family browser for export and tests. Lecturers' laptops have Google
 * Chrome, Chromium, Edge, or a browser that `npx playwright install` downloaded; CI has
 * Debian's Chromium. Order: CHROMIUM_PATH, Playwright's own browsers, system browsers.
 */

export interface BrowserSearch {
  env: Record<string, string | undefined>
  platform: string
  home: string
  exists: (path: string) => boolean
  list: (dir: string) => string[]
}

export interface FoundBrowser {
  path: string
  source: 'CHROMIUM_PATH' | 'playwright' | 'system'
}

/** Flags without which Chromium tries to reach Google's hosts at start (closed networks, CI). */
export const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-default-apps',
]

export class BrowserNotFoundError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BrowserNotFoundError'
  }
}

const SYSTEM_BROWSERS: Record<string, string[]> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/opt/microsoft/msedge/msedge',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
}

/** Where `npx playwright install chromium` puts its browsers, per platform. */
function playwrightBrowsers(search: BrowserSearch): string[] {
  const root = search.env.PLAYWRIGHT_BROWSERS_PATH && search.env.PLAYWRIGHT_BROWSERS_PATH !== '0'
    ? search.env.PLAYWRIGHT_BROWSERS_PATH
    : search.platform === 'darwin'
      ? join(search.home, 'Library', 'Caches', 'ms-playwright')
      : search.platform === 'win32'
        ? join(search.env.LOCALAPPDATA ?? join(search.home, 'AppData', 'Local'), 'ms-playwright')
        : join(search.home, '.cache', 'ms-playwright')
  if (!search.exists(root))
    return []
  const inside: Record<string, string[]> = {
    linux: ['chrome-linux/chrome', 'chrome-linux64/chrome'],
    darwin: ['chrome-mac/Chromium.app/Contents/MacOS/Chromium', 'chrome-mac-arm64/Chromium.app/Contents/MacOS/Chromium'],
    win32: ['chrome-win/chrome.exe', 'chrome-win64/chrome.exe'],
  }
  // Newest revision first: a lecturer who reinstalled should get the new one.
  const revisions = search.list(root).filter(d => /^chromium-\d+$/.test(d)).sort((a, b) => Number(b.split('-')[1]) - Number(a.split('-')[1]))
  return revisions.flatMap(r => (inside[search.platform] ?? []).map(p => join(root, r, p)))
}

export function installHint(platformName: string): string {
  const lines = [
    'No Chromium-family browser was found for PDF export and tests. Do one of:',
    platformName === 'darwin'
      ? '  - install Google Chrome or Chromium (e.g. `brew install --cask chromium`)'
      : '  - install Chromium: `sudo apt-get install chromium` (Debian/Ubuntu)',
    '  - let Playwright download one: `npx playwright install chromium`',
    '  - or point to a browser you have: `export CHROMIUM_PATH=/path/to/chrome`',
  ]
  return lines.join('\n')
}

export function findBrowser(search: BrowserSearch = defaultSearch()): FoundBrowser {
  const fromEnv = search.env.CHROMIUM_PATH
  if (fromEnv) {
    // An explicit choice that is wrong must be said, not silently replaced by another browser.
    if (!search.exists(fromEnv))
      throw new BrowserNotFoundError(`CHROMIUM_PATH is set to "${fromEnv}", but no file is there. Fix the path or unset CHROMIUM_PATH.\n${installHint(search.platform)}`)
    return { path: fromEnv, source: 'CHROMIUM_PATH' }
  }
  for (const path of playwrightBrowsers(search)) {
    if (search.exists(path))
      return { path, source: 'playwright' }
  }
  for (const path of SYSTEM_BROWSERS[search.platform] ?? []) {
    if (search.exists(path))
      return { path, source: 'system' }
  }
  throw new BrowserNotFoundError(installHint(search.platform))
}

export function defaultSearch(): BrowserSearch {
  return {
    env: process.env,
    platform: platform(),
    home: homedir(),
    exists: existsSync,
    list: (dir) => {
      try {
        return readdirSync(dir)
      }
      catch {
        return []
      }
    },
  }
}
