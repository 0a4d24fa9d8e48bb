import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { projectRoot } from '../support/project'

// npm 11.16+ (Node 24's) runs a dependency's install script only if package.json's
// `allowScripts` says so, and lists every unreviewed one at the end of `npm ci`: a warning a
// lecturer's first command should not print. Each package of the lock file that has one is
// decided here, with the reason beside it in the README (Quick start).
describe('install scripts', () => {
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'))
  const lock = JSON.parse(readFileSync(join(projectRoot, 'package-lock.json'), 'utf8'))

  it('are allowed or denied, in package.json, for every locked package that has one', () => {
    const withScripts = Object.entries(lock.packages as Record<string, { hasInstallScript?: boolean }>)
      .filter(([path, p]) => path && p.hasInstallScript)
      .map(([path]) => path.split('node_modules/').at(-1)!)
    expect(withScripts.length, 'packages with install scripts in the lock file').toBeGreaterThan(0)
    expect(withScripts.filter(name => typeof pkg.allowScripts?.[name] !== 'boolean')).toEqual([])
  })

  it('never download a browser: the deck prints with the Chromium the machine has', () => {
    expect(pkg.allowScripts['playwright-chromium']).toBe(false)
  })
})
