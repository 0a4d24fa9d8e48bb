import { resolve } from 'node:path'
import process from 'node:process'
import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, findBrowser } from '../../lib/browser'

// End-to-end tests run against the built deck (dist/, or DIST_DIR), served on loopback by
// the same server `npm run preview` uses. `npm test` builds first when dist/ is missing.
const port = Number(process.env.E2E_PORT ?? 4317)
const dist = resolve(process.env.DIST_DIR ?? 'dist')
// A test that times what a lecturer sees (windows in step within 100 ms) is tagged @timed.
const TIMED = /@timed/

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 60_000,
  // Two workers for the machine's two cores: a spec file's tests stay in order on one worker
  // (several share a build or a server), but files, and the sweep's two schemes, run side by
  // side; much of a browser test is waiting on the page, not computing. E2E_WORKERS=1 for one.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  // The tests that time what a lecturer sees run last and one at a time: beside the other
  // worker's sweep they would time the machine. The rest of their spec files (the dev server
  // rendering and taking edits, the clicker, notes and timer) run with the others: they wait
  // for what they check, and time nothing. If an earlier test fails the timed ones are
  // reported as skipped, not run.
  projects: [
    { name: 'deck', grepInvert: TIMED },
    {
      name: 'timed',
      grep: TIMED,
      dependencies: ['deck'],
      workers: 1,
    },
  ],
  reporter: [
    ['list'],
  ],
  use: {
    // What the page showed when a test failed, in test-results/ (a run once timed out waiting
    // for a control that never appeared, and left nothing to look at).
    screenshot: 'only-on-failure',
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1920, height: 1080 },
    // The offline cache (Slidev's service worker) is tested where it is the subject: offline.spec,
    // the fork's deck under its sub-path, the "Caching for offline" badge (serviceWorkers:
    // 'allow' there). Elsewhere it would install beside every test, a download of the whole
    // site that takes over the page's requests halfway through; two CI runs then saw a page
    // whose code never arrived (a blank presenter view, two slides' chunk in print), never
    // seen here in ~800 navigations under load. Without it those tests check the deck itself,
    // as a browser that offers no service worker shows it (tests/e2e/fixtures.ts).
    serviceWorkers: 'block',
    launchOptions: { executablePath: findBrowser().path, args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `node --import tsx ../../scripts/preview.ts --port ${port} --dir "${dist}"`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
})
