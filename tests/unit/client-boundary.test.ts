import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { clientEntries, clientNodeImports } from '../support/clientImports'
import { projectRoot } from '../support/project'

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
    const dir = mkdtempSync(join(tmpdir(), 'nmda-boundary-'))
    const put = (file: string, text: string) => {
      mkdirSync(dirname(join(dir, file)), { recursive: true })
      writeFileSync(join(dir, file), text)
    }
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
