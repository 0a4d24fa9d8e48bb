import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { clientEntries, clientNodeImports, slideListImports, slideLoadedFiles } from '../support/clientImports'
import { projectRoot } from '../support/project'

/** A folder to lay out a small project in, file by file. */
function scratchProject(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  const put = (file: string, text: string) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true })
    writeFileSync(join(dir, file), text)
  }
  return { dir, put }
}

describe('code that runs in the browser imports no Node module, nor a server-only package', () => {
  it('finds the client files of this deck', () => {
    const entries = clientEntries(projectRoot).map(f => f.slice(projectRoot.length + 1))
    expect(entries).toContain('slide-bottom.vue')
    expect(entries).toContain('setup/main.ts')
    expect(entries.some(f => f.startsWith('components/'))).toBe(true)
  })

  it('holds for this deck', () => {
    const chains = clientNodeImports(projectRoot).map(c => c.join(' -> '))
    expect(chains, 'move the Node-only part into a module that only scripts/ and setup/preparser import').toEqual([])
  })

  it('catches an import of node:fs two modules away from a component', () => {
    const { dir, put } = scratchProject('nmda-boundary-')
    put('components/Chart.vue', `<script setup lang="ts">\nimport { label } from '../lib/labels'\n</script>\n<template><p>{{ label }}</p></template>\n`)
    put('lib/labels.ts', `import type { Big } from './types'\nexport { label } from './files'\nexport type { Big }\n`)
    put('lib/types.ts', `import type { Stats } from 'node:fs'\nimport { x } from 'node:os'\nexport type Big = Stats\n`)
    put('lib/files.ts', `import { existsSync } from 'node:fs'\nexport const label = String(existsSync('x'))\n`)
    put('setup/preparser.ts', `import { readFileSync } from 'fs'\nexport default readFileSync\n`)
    // A package for Node only (or too heavy for the page), reached through a formatter.
    put('components/Caption.vue', `<script setup lang="ts">\nimport { cut } from '../lib/format'\n</script>\n<template><p>{{ cut }}</p></template>\n`)
    put('lib/format.ts', `import { Cite } from '@citation-js/core'\nexport const cut = String(Cite)\n`)
    expect(clientNodeImports(dir)).toEqual([
      [
        'components/Caption.vue',
        'lib/format.ts',
        '@citation-js/core',
      ],
      [
        'components/Chart.vue',
        'lib/labels.ts',
        'lib/files.ts',
        'node:fs',
      ],
    ])
  })
})

// A slide edited in `npm run dev` before Slidev had loaded the other slides' components (it
// does three seconds after the page opens) gave them a second copy of Slidev's slide list:
// every slide mounted again and the one on screen went blank for a moment
// (components/slidev.ts). tests/e2e/dev.spec.ts edits the deck that early.
describe('what loads with a slide takes Slidev\'s API from modules that do not import the slide list', () => {
  const clientDir = join(projectRoot, 'node_modules/@slidev/client')

  it('holds for this deck', () => {
    const files = slideLoadedFiles(projectRoot).map(f => f.slice(projectRoot.length + 1))
    expect(files).toContain('components/MgBlockTryIt.vue')
    expect(files).toContain('layouts/figure.vue')
    const chains = slideListImports(projectRoot, clientDir).map(c => c.join(' -> '))
    expect(chains, 'import Slidev\'s API through components/slidev.ts').toEqual([])
  })

  it('catches a component that imports Slidev\'s index, or useNav, through a module of its own', () => {
    const { dir, put } = scratchProject('nmda-slide-list-')
    put('components/Chart.vue', `<script setup lang="ts">\nimport { useSlideContext } from '@slidev/client'\nuseSlideContext()\n</script>\n<template><p /></template>\n`)
    put('components/Dial.vue', `<script setup lang="ts">\nimport { usePrinting } from './usePrinting'\nusePrinting()\n</script>\n<template><p /></template>\n`)
    put('components/usePrinting.ts', `import { useNav } from '@slidev/client/composables/useNav.ts'\nexport const usePrinting = () => useNav().isPrintMode\n`)
    put('components/Fine.vue', `<script setup lang="ts">\nimport { useSlideContext } from '@slidev/client/context.ts'\nuseSlideContext()\n</script>\n<template><p /></template>\n`)
    // Slidev's dev server finds its client's files by path: without the extension, none.
    put('layouts/Bare.vue', `<script setup lang="ts">\nimport { useSlideContext } from '@slidev/client/context'\nuseSlideContext()\n</script>\n<template><slot /></template>\n`)
    const chains = slideListImports(dir, clientDir)
    expect(chains.map(c => c.slice(0, 3))).toEqual([
      [
        'components/Chart.vue',
        '@slidev/client',
        expect.any(String),
      ],
      ['components/Dial.vue', 'components/usePrinting.ts', '@slidev/client/composables/useNav.ts'],
      ['layouts/Bare.vue', '@slidev/client/context', 'no such file: write the path with its extension'],
    ])
    expect(chains.slice(0, 2).every(c => c.at(-1) === '#slidev/slides')).toBe(true)
  })
})
