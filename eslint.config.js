// The configuration the Slidev ecosystem itself uses (Slidev, its themes and
// starter are linted with it), so a fork reads like every other Slidev project.
import antfu from '@antfu/eslint-config'

export default antfu({
  vue: true,
  typescript: true,
  // Slides are prose: code blocks in them are for students, not for the linter.
  markdown: false,
  ignores: [
    'dist/**',
    '.tmp/**',
    'bench-results/**',
    'test-results/**',
    'playwright-report/**',
    'references.lock.json',
  ],
})
