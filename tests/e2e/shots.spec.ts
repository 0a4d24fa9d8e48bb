import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { slideNumberOf } from './deck'
import { expect, test } from './fixtures'

// `npm run shots` (issue 16): every slide at every click step, stepped with the clicker's key
// in Chromium against the built deck, for a reviewer to look at side by side.
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)))

function shots(args: string[]) {
  const r = spawnSync(process.execPath, [
    '--import',
    'tsx',
    'scripts/shots.ts',
    ...args,
  ], { cwd: root, encoding: 'utf8', timeout: 300_000 })
  return { code: r.status, output: r.stdout + r.stderr }
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string) {
  const b = readFileSync(file)
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG')
  return {
    width: b.readUInt32BE(16),
    height: b.readUInt32BE(20),
  }
}

test('npm run shots: one picture per click step of each slide asked for, and a page that shows them side by side', async () => {
  test.setTimeout(300_000)
  const windup = await slideNumberOf(/<WindupTrain\b/)
  const out = join(mkdtempSync(join(tmpdir(), 'shots-')), 'shots')
  try {
    const r = shots([
      '--sizes',
      '1024x768',
      '--schemes',
      'light,dark',
      '--slides',
      `1,${windup}`,
      '--out',
      out,
    ])
    expect(r.code, r.output).toBe(0)
    for (const scheme of ['light', 'dark']) {
      const files = readdirSync(join(out, `1024x768-${scheme}`)).sort()
      // The title slide has no clicks; the wind-up slide has three, so four pictures.
      const w = String(windup).padStart(2, '0')
      expect(files).toEqual([
        '01-click0.png',
        ...[0, 1, 2, 3].map(k => `${w}-click${k}.png`),
      ])
      expect(pngSize(join(out, `1024x768-${scheme}`, files[0]!))).toEqual({ width: 1024, height: 768 })
      // Each click changed what is on screen.
      const pictures = [0, 1, 2, 3].map(k => readFileSync(join(out, `1024x768-${scheme}`, `${w}-click${k}.png`)).toString('base64'))
      expect(new Set(pictures).size).toBe(4)
    }
    const index = readFileSync(join(out, 'index.html'), 'utf8')
    expect(index.match(/<img /g)).toHaveLength(10)
    expect(index).toContain('1024 x 768, dark')
  }
  finally {
    rmSync(join(out, '..'), { recursive: true, force: true })
  }
})

test('npm run shots: a malformed size or slide range is refused with the usage, and nothing is written', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'shots-')), 'shots')
  try {
    const size = shots(['--sizes', '1920*1080', '--out', out])
    expect(size.code).toBe(2)
    expect(size.output).toMatch(/--sizes: "1920\*1080" is not WIDTHxHEIGHT[\s\S]*usage: npm run shots/)
    const range = shots(['--slides', '999', '--out', out])
    expect(range.code).toBe(2)
    expect(range.output).toMatch(/--slides: "999": 999 is outside 1-\d+/)
    expect(existsSync(out) || existsSync(`${out}.partial`)).toBe(false)
  }
  finally {
    rmSync(join(out, '..'), { recursive: true, force: true })
  }
})
