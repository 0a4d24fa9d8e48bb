import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { loadBibliography } from '../../addons/citations/lib/bibliography'
import { compareWithRecord, rateLimiter } from '../../addons/citations/lib/online'
import { checkRefs } from '../support/checkRefs'

/**
 * A local stand-in for doi.org content negotiation and NCBI esummary, answering in their
 * formats. The records for the matching cases carry the metadata of the real papers (as in
 * the fixture bibliography); the others are wrong on purpose.
 */
const doiRecords: Record<string, unknown> = {
  '10.1213/01.ANE.0000081061.12235.55': {
    title: 'The Role of <i>N</i>-Methyl-D-Aspartate (NMDA) Receptors in Pain: A Review',
    author: [
      { family: 'Petrenko', given: 'Andrey B.' },
    ],
    issued: {
      'date-parts': [
        [2003, 10],
      ],
    },
  },
  '10.1016/j.pain.2010.09.030': {
    title: 'Glia and pain: is chronic pain a gliopathy?',
    author: [
      { family: 'Ji', given: 'Ru-Rong' },
    ],
    issued: {
      'date-parts': [
        [2013],
      ],
    },
  },
  '10.1038/309261a0': {
    title: 'Voltage-dependent block by Mg2+ of NMDA responses in spinal cord neurones',
    author: [
      { family: 'Mayer', given: 'Mark L.' },
    ],
    issued: {
      'date-parts': [
        [1984, 5],
      ],
    },
  },
}
const pubmed: Record<string, unknown> = {
  14500166: {
    uid: '14500166',
    title: 'The role of N-methyl-D-aspartate (NMDA) receptors in pain: a review.',
    authors: [
      { name: 'Petrenko AB', authtype: 'Author' },
    ],
    pubdate: '2003 Oct',
  },
  15288410: {
    uid: '15288410',
    title: 'Maintenance of windup of second pain requires less frequent stimulation in fibromyalgia patients compared to normal controls.',
    authors: [
      { name: 'Staud R', authtype: 'Author' },
    ],
    pubdate: '2004 Aug',
  },
  15105220: { uid: '15105220', error: 'cannot get document summary' },
  6325946: {
    uid: '6325946',
    title: 'Voltage-dependent block by Mg2+ of NMDA responses in spinal cord neurones.',
    authors: [
      { name: 'Mayer ML', authtype: 'Author' },
    ],
    pubdate: '1984 May 17-23',
  },
}

let server: Server
let base = ''
let requests = 0
const inFlight = { doi: 0, ncbi: 0 }
const maxInFlight = { doi: 0, ncbi: 0 }
let dir = ''

beforeAll(async () => {
  server = createServer((req, res) => {
    requests++
    const url = new URL(req.url!, 'http://x')
    const service = url.pathname.startsWith('/doi/')
      ? 'doi'
      : 'ncbi'
    inFlight[service]++
    maxInFlight[service] = Math.max(maxInFlight[service], inFlight[service])
    res.on('close', () => inFlight[service]--)
    if (url.pathname.startsWith('/doi/')) {
      const doi = decodeURIComponent(url.pathname.slice(5))
      if (doi === '10.1213/01.ANE.0000108501.57073.38')
        return // never answers: the client must time out
      const rec = doiRecords[doi]
      if (req.headers.accept !== 'application/vnd.citationstyles.csl+json' || !rec) {
        res.writeHead(404).end('DOI not found')
        return
      }
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/vnd.citationstyles.csl+json' }).end(JSON.stringify({ DOI: doi, ...rec as object })), 30)
      return
    }
    if (url.pathname === '/eutils/esummary.fcgi') {
      const id = url.searchParams.get('id')!
      if (id === '20961685') {
        res.writeHead(503).end('Service unavailable')
        return
      }
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
        header: {},
        result: {
          uids: [id],
          [id]: pubmed[id] ?? { uid: id, error: 'cannot get document summary' },
        },
      })), 30)
      return
    }
    res.writeHead(400).end()
  })
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  dir = mkdtempSync(join(tmpdir(), 'check-refs-online-'))
  cpSync(resolve(__dirname, '../fixtures/refs-ok'), dir, { recursive: true })
})

afterAll(() => {
  server.closeAllConnections()
  server.close()
  rmSync(dir, { recursive: true, force: true })
})

const env = () => ({ CITATIONS_DOI_BASE: `${base}/doi`, CITATIONS_NCBI_BASE: `${base}/eutils`, CITATIONS_TIMEOUT_MS: '1500' })
const today = new Date().toISOString().slice(0, 10)

describe('check-refs --online against a local stand-in for doi.org and PubMed', () => {
  it('reports matches, a mismatch, an identifier that does not exist, and services it could not reach', async () => {
    const r = await checkRefs([
      '--online',
      '--verbose',
      '--deck',
      join(dir, 'slides.md'),
    ], env(), dir)
    const out = r.stdout + r.stderr
    expect(r.code).toBe(1)
    expect(out).toContain('refs.bib:3:1: info: \'petrenko2003\' matches doi.org\'s record for DOI 10.1213/01.ANE.0000081061.12235.55')
    expect(out).toContain('refs.bib:3:1: info: \'petrenko2003\' matches PubMed\'s record for PMID 14500166')
    expect(out).toContain('refs.bib:18:1: error: \'woolf2011\' does not match doi.org\'s record for DOI 10.1016/j.pain.2010.09.030: title: entry has "Central sensitization: implications for the diagnosis and treatment of pain", record has "Glia and pain: is chronic pain a gliopathy?"; first author: entry has "Woolf", record has "Ji"; year: entry has 2011, record has 2013.')
    expect(out).toContain('refs.bib:18:1: warning: could not reach PubMed to check PMID 20961685 of \'woolf2011\' (HTTP 503)')
    expect(out).toContain('refs.bib:47:1: warning: could not reach doi.org to check DOI 10.1213/01.ANE.0000108501.57073.38 of \'mccartney2004\' (no answer within 1500 ms)')
    expect(out).toContain('refs.bib:47:1: error: PubMed has no record of PMID 15105220')
    expect(maxInFlight.doi).toBeLessThanOrEqual(3)
    expect(maxInFlight.ncbi).toBeLessThanOrEqual(3)
    const lock = JSON.parse(readFileSync(join(dir, 'references.lock.json'), 'utf8'))
    expect(Object.keys(lock.records)).toEqual([
      'doi:10.1016/j.pain.2010.09.030',
      'doi:10.1038/309261a0',
      'doi:10.1213/01.ane.0000081061.12235.55',
      'pmid:14500166',
      'pmid:15105220',
      'pmid:15288410',
      'pmid:6325946',
    ])
    expect(lock.records['pmid:14500166']).toMatchObject({
      key: 'petrenko2003',
      status: 'match',
      checkedOn: today,
      service: 'PubMed',
    })
    expect(lock.records['doi:10.1016/j.pain.2010.09.030']?.status).toBe('mismatch')
    expect(lock.records['pmid:20961685']).toBeUndefined()
  }, 60_000)

  it('reuses the lock file offline: "verified on DATE", no request sent, recorded mismatches still fail', async () => {
    const before = requests
    const r = await checkRefs([
      '--verbose',
      '--deck',
      join(dir, 'slides.md'),
    ], { CITATIONS_DOI_BASE: 'http://127.0.0.1:9', CITATIONS_NCBI_BASE: 'http://127.0.0.1:9' }, dir)
    expect(requests).toBe(before)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(`refs.bib:3:1: info: 'petrenko2003': pmid:14500166 verified on ${today} (PubMed).`)
    expect(r.stdout).toContain(`refs.bib:33:1: info: 'staud2004': pmid:15288410 verified on ${today} (PubMed).`)
    expect(r.stderr).toContain(`refs.bib:18:1: error: 'woolf2011' did not match doi.org's record for doi:10.1016/j.pain.2010.09.030 when checked on ${today}`)
    expect(r.stdout).toContain('refs.bib:18:1: warning: \'woolf2011\': pmid:20961685 not verified online yet')
    expect(r.stdout).toContain('refs.bib:47:1: warning: \'mccartney2004\': doi:10.1213/01.ane.0000108501.57073.38 not verified online yet')
  }, 60_000)

  it('notices an entry edited since it was verified', async () => {
    const bibPath = join(dir, 'refs.bib')
    writeFileSync(bibPath, readFileSync(bibPath, 'utf8').replace('pages = {689--696}', 'pages = {689--697}'))
    const r = await checkRefs([
      '--deck',
      join(dir, 'slides.md'),
    ], {}, dir)
    expect(r.stdout).toContain(`refs.bib:33:1: warning: 'staud2004' was edited after pmid:15288410 was checked online on ${today}; run \`npm run check:refs -- --online\` to check it again.`)
    // An edit to our own audit note is not an edit of the source: no re-check needed.
    writeFileSync(bibPath, readFileSync(bibPath, 'utf8').replace('pages = {689--697}', 'pages = {689--696}').replace('auditnote = {Audit A3;', 'auditnote = {Audit A3 (re-read);'))
    const again = await checkRefs([
      '--verbose',
      '--deck',
      join(dir, 'slides.md'),
    ], {}, dir)
    expect(again.stdout).toContain(`'staud2004': pmid:15288410 verified on ${today}`)
  }, 60_000)
})

describe('online comparison and rate limiting', () => {
  it('runs at most `concurrency` tasks at once, started at least `interval` apart', async () => {
    // A fake clock: the limiter's spacing is tested, not this machine's timer jitter.
    vi.useFakeTimers()
    try {
      const run = rateLimiter(3, 20)
      let active = 0
      let peak = 0
      const starts: number[] = []
      const all = Promise.all(Array.from({ length: 10 }, () => run(async () => {
        starts.push(Date.now())
        active++
        peak = Math.max(peak, active)
        await new Promise(r => setTimeout(r, 50))
        active--
      })))
      await vi.runAllTimersAsync()
      await all
      expect(starts).toHaveLength(10)
      expect(peak).toBe(3)
      const gaps = starts.slice(1).map((t, i) => t - starts[i]!)
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(20)
    }
    finally {
      vi.useRealTimers()
    }
  })

  it('accepts formatting differences but not a different paper', () => {
    const bib = loadBibliography(readFileSync(resolve(__dirname, '../fixtures/refs-ok/refs.bib'), 'utf8'), 'refs.bib')
    const petrenko = bib.byKey.get('petrenko2003')!
    expect(compareWithRecord(petrenko, {
      title: 'The Role of <i>N</i>-Methyl-D-Aspartate (NMDA) Receptors in Pain: A Review.',
      firstAuthor: 'Petrenko',
      years: [2003],
    })).toEqual([])
    expect(compareWithRecord(petrenko, {
      title: 'The role of N-methyl-D-aspartate (NMDA) receptors in pain: a review',
      firstAuthor: 'Petrenko',
      years: [2004],
    })).toEqual(['year: entry has 2003, record has 2004'])
    expect(compareWithRecord(petrenko, {
      title: 'Central sensitization',
      firstAuthor: 'Woolf',
      years: [2003],
    })).toHaveLength(2)
  })
})
