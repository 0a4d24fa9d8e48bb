import { resolve } from 'node:path'
import process from 'node:process'
import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, findBrowser } from '../../lib/browser'

// End-to-end tests run against the built deck (dist/, or DIST_DIR), served on loopback by
// the same server `npm run preview` uses. `npm test` builds first when dist/ is missing.
const port = Number(process.env.E2E_PORT ?? 4317)
const dist = resolve(process.env.DIST_DIR ?? 'dist')

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [
    ['list'],
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1920, height: 1080 },
    launchOptions: { executablePath: findBrowser().path, args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `node --import tsx ../../scripts/preview.ts --port ${port} --dir "${dist}"`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
})
