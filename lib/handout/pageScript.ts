/**
 * Code that runs inside the built deck's /print page (Chromium), as a string: functions
 * handed to page.evaluate() are re-parsed in the page, and helpers a TypeScript loader
 * injects (tsx names functions with `__name`) do not exist there.
 *
 * It moves Slidev's own `.print-slide-container` elements (live DOM, so vector in the
 * PDF) into handout rows, measures them, and, once Node has packed the rows into pages
 * (lib/handout/pack.ts), builds those pages. It decides nothing about the layout itself.
 */
export const HANDOUT_PAGE_SCRIPT = String.raw`
(() => {
  const state = { rows: [], refItems: [], refHead: null, root: null, measureBox: null }
  const el = (tag, cls, html) => {
    const e = document.createElement(tag)
    if (cls) e.className = cls
    if (html != null) e.innerHTML = html
    return e
  }
  const text = (tag, cls, t) => {
    const e = el(tag, cls)
    e.textContent = t
    return e
  }
  const height = e => e.getBoundingClientRect().height

  const setup = (p) => {
    const style = el('style')
    style.id = 'handout-style'
    style.textContent = p.css
    document.head.appendChild(style)
    const containers = new Map()
    for (const c of document.querySelectorAll('.print-slide-container'))
      containers.set(Number(c.id.split('-')[0]), c)
    const missing = p.rows.filter(r => !containers.has(r.no)).map(r => r.no)
    if (missing.length)
      return { missing, stale: [] }
    // A site built from another version of the deck has other slides at these numbers.
    const fold = t => (t || '').replace(/\s+/g, ' ').trim()
    const stale = p.rows.filter(r => r.titleText && !fold(containers.get(r.no).textContent).includes(r.titleText)).map(r => r.no)
    if (stale.length)
      return { missing: [], stale }
    const root = el('div')
    root.id = 'handout-root'
    document.body.appendChild(root)
    const box = el('div', 'handout-measure')
    root.appendChild(box)
    state.root = root
    state.measureBox = box
    for (const r of p.rows) {
      const row = el('section', 'row')
      row.setAttribute('aria-label', 'Slide ' + r.no)
      row.dataset.slide = String(r.no)
      const main = el('div', 'row-main')
      const slide = el('div', 'slide-box')
      slide.appendChild(containers.get(r.no))
      main.appendChild(slide)
      const notes = el('div', 'notes')
      const label = el('h3', 'notes-label')
      label.appendChild(text('span', 'no', 'Slide ' + r.no))
      label.appendChild(document.createTextNode(r.title))
      notes.appendChild(label)
      notes.appendChild(el('div', 'notes-body', r.notesHtml || '<p class="no-notes">No speaker notes for this slide.</p>'))
      if (r.sourcesHtml)
        notes.appendChild(el('p', 'sources', '<span class="label">Sources:</span> ' + r.sourcesHtml))
      main.appendChild(notes)
      row.appendChild(main)
      box.appendChild(row)
      state.rows.push(row)
    }
    const head = el('div', 'refs-head')
    head.appendChild(text('h2', '', p.referencesTitle))
    head.appendChild(text('p', '', p.referencesIntro))
    box.appendChild(head)
    state.refHead = head
    const list = el('ol', 'refs')
    box.appendChild(list)
    for (const ref of p.references) {
      const li = el('li')
      li.dataset.cite = ref.key
      li.appendChild(text('span', 'n', ref.number + '.'))
      li.appendChild(el('span', 't', ref.html))
      list.appendChild(li)
      state.refItems.push(li)
    }
    return { missing: [], stale: [] }
  }

  const measure = () => ({
    rows: state.rows.map(r => height(r.querySelector('.row-main'))),
    refHead: height(state.refHead),
    refs: state.refItems.map(height),
  })

  const compact = (indices) => {
    for (const i of indices) state.rows[i].classList.add('compact')
    return measure()
  }

  const page = (kind, label, plan, pageNo) => {
    const p = el('div', 'handout-page ' + kind)
    p.dataset.page = String(pageNo)
    p.setAttribute('aria-label', label)
    const head = el('header', 'page-head')
    if (kind !== 'cover') {
      head.appendChild(text('span', 'talk', plan.runningTitle))
      head.appendChild(text('span', 'section', label))
    }
    const body = el('main', 'page-body')
    const foot = el('footer', 'page-foot')
    foot.appendChild(text('span', 'who', plan.runningFoot))
    foot.appendChild(text('span', 'page-no', kind === 'cover' ? '' : 'Page ' + pageNo + ' of ' + plan.pages.length))
    p.appendChild(head)
    p.appendChild(body)
    p.appendChild(foot)
    state.root.appendChild(p)
    return body
  }

  const cover = (body, c) => {
    const band = el('div', 'cover-band')
    if (c.logo) {
      const img = el('img', 'cover-logo')
      img.src = c.logo.src
      img.alt = c.logo.alt
      band.appendChild(img)
    }
    band.appendChild(text('p', 'cover-kind', c.kind))
    band.appendChild(text('h1', '', c.title))
    if (c.subtitle) band.appendChild(text('p', 'subtitle', c.subtitle))
    if (c.presenter) band.appendChild(text('p', 'presenter', c.presenter))
    if (c.affiliation) band.appendChild(text('p', 'affiliation', c.affiliation))
    const when = [c.event, c.date].filter(Boolean).join(' · ')
    if (when) band.appendChild(text('p', 'event', when))
    body.appendChild(band)
    if (c.contents.length) {
      const box = el('nav', 'contents')
      box.appendChild(text('h2', '', 'Contents'))
      const ol = el('ol')
      for (const item of c.contents) {
        const li = el('li')
        li.appendChild(text('span', 't', item.title))
        li.appendChild(text('span', 'p', String(item.page)))
        ol.appendChild(li)
      }
      box.appendChild(ol)
      body.appendChild(box)
    }
    const about = el('div', 'about')
    for (const line of c.about) about.appendChild(text('p', '', line))
    body.appendChild(about)
  }

  const build = (plan) => {
    state.measureBox.remove()
    plan.pages.forEach((pg, i) => {
      const body = page(pg.kind, pg.label, plan, i + 1)
      if (pg.kind === 'cover') {
        cover(body, plan.cover)
      }
      else if (pg.kind === 'slides') {
        // What one row cannot use (less than a line) passes to the next, so a page ends
        // less than one line short of its foot.
        let carry = 0
        pg.rows.forEach((ri) => {
          const row = state.rows[ri]
          const rules = el('div', 'rules')
          rules.setAttribute('aria-hidden', 'true')
          const space = plan.reserve + pg.extra + carry
          const n = Math.floor(space / plan.ruleGap + 1e-6)
          carry = Math.max(0, space - n * plan.ruleGap)
          for (let j = 0; j < n; j++) {
            const line = el('div', 'rule')
            if (j === 0) line.dataset.label = 'Your notes'
            rules.appendChild(line)
          }
          row.appendChild(rules)
          body.appendChild(row)
        })
      }
      else {
        if (pg.withHead) body.appendChild(state.refHead)
        const ol = el('ol', 'refs')
        for (const ri of pg.items) ol.appendChild(state.refItems[ri])
        body.appendChild(ol)
      }
    })
    // A body whose content is taller than its box would be cut off in print: report it.
    return [...state.root.querySelectorAll('.handout-page')].map((p, i) => {
      const body = p.querySelector('.page-body')
      return { page: i + 1, over: body.scrollHeight - body.clientHeight }
    }).filter(x => x.over > 1)
  }

  window.__handout = { setup, measure, compact, build }
})()
`
