import process from 'node:process'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// The lint step in `npm test` is only worth keeping if the configuration a fork inherits
// really checks Vue templates and TypeScript, not just that `eslint .` exits 0.
// Loading every plugin of the configuration takes seconds on a busy machine.
describe('eslint configuration', { timeout: 60_000 }, () => {
  const eslint = new ESLint({
    cwd: process.cwd(),
  })
  const rulesFor = async (code: string, filePath: string) =>
    (await eslint.lintText(code, { filePath }))[0]!.messages.map(m => m.ruleId)

  it('checks Vue templates', async () => {
    const rules = await rulesFor('<script setup lang="ts">\nconst items = [1]\n</script>\n\n<template>\n  <p v-for="i in items">\n    {{ i }}\n  </p>\n</template>\n', 'components/Probe.vue')
    expect(rules).toContain('vue/require-v-for-key')
  })

  it('checks TypeScript', async () => {
    const rules = await rulesFor('var unused: any = 1\n', 'lib/probe.ts')
    expect(rules).toEqual(expect.arrayContaining(['no-var', 'unused-imports/no-unused-vars']))
  })
})
