import type { Plugin, ResolvedConfig } from 'vite'
import type { VitePluginPWAAPI } from 'vite-plugin-pwa'
import { availableParallelism } from 'node:os'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { keepNumbersTogetherRule } from './lib/typography.ts'

/**
 * Adds the slides and handout PDFs to the offline cache that `pwa: build` sets up.
 *
 * Slidev's Workbox patterns leave PDFs out, and the PDFs cannot be found by pattern anyway:
 * scripts/build.ts prints them from the built site, after the service worker is written. So
 * the script that will put them beside the site names them in DECK_PDFS, and they are listed
 * through vite-plugin-pwa's own API for this (`extendManifestEntries`). Their revision is
 * this build's: every new build fetches them again, as their content is not known yet.
 * Without DECK_PDFS (a plain `slidev build`) nothing is added, because a listed file that
 * is missing on the server makes the whole offline cache fail to install.
 *
 * Precached, they also stop the service worker from answering /slides.pdf with the deck's
 * index.html (its navigation fallback catches every page it does not hold).
 */
function precacheDeckPdfs(names: string[]): Plugin {
  let config: ResolvedConfig
  return {
    name: 'nmda:precache-deck-pdfs',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    // Not in configResolved: vite-plugin-pwa resolves its options in its own configResolved,
    // which Vite may run at the same time as this one.
    buildStart() {
      // Vite types a plugin's `api` as any; this one is vite-plugin-pwa's documented API.
      const api = config.plugins.find(p => p.name === 'vite-plugin-pwa')?.api as VitePluginPWAAPI | undefined
      if (!api || names.length === 0)
        return
      const revision = Date.now().toString(36)
      api.extendManifestEntries(entries => [
        ...entries,
        ...names.map(url => ({ url, revision })),
      ])
    },
  }
}

const deckPdfs = (process.env.DECK_PDFS ?? '').split(/[\s,]+/).filter(Boolean)

export default defineConfig({
  // Slidev brings its own Vue plugin; only the component tests under Vitest need ours.
  plugins: process.env.VITEST
    ? [
        vue(),
      ]
    : [
        precacheDeckPdfs(deckPdfs),
      ],
  slidev: {
    // Slide text keeps a number with its unit ("24 h", "> 50 %") on one line (lib/typography.ts).
    markdown: {
      markdownSetup(md: { core: { ruler: { push: (name: string, rule: typeof keepNumbersTogetherRule) => void } } }) {
        md.core.ruler.push('deck:keep-numbers-together', keepNumbersTogetherRule)
      },
    },
    // The dev server's copy of the live state (components/useLiveState.ts): Slidev's
    // server-ref plugin shares a key only when it starts with a value.
    serverRef: {
      state: { live: {} },
    },
  },
  define: {
    // Keep Slidev's /print route in the built site: our exporter prints the built deck
    // instead of compiling it a second time, and a lecturer can print from a browser too.
    // (Slidev only enables it when its own `download` export runs inside `slidev build`.)
    __SLIDEV_FEATURE_PRINT__: 'true',
  },
  // Vitest reads its settings from here so that the top level keeps no extra config file.
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.ts'],
    // Slidev's dev server provides this module; components that share live state import it.
    alias: {
      'server-reactive:live': fileURLToPath(new URL('tests/support/serverLive.ts', import.meta.url)),
    },
    environment: 'node',
    // Vitest's default keeps one core for itself: one file at a time on a two-core machine.
    // Many files here wait on a child process (a build, a script, eslint), so files run side
    // by side: the whole suite took 95 s one at a time, 84 s two at a time on such a machine.
    maxWorkers: Math.max(2, availableParallelism()),
  },
} as any)
