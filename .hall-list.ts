import { loadDeck } from './lib/deck'
const d = await loadDeck('slides.md')
for (const s of d.slides) console.log(s.no, s.layout ?? '', s.title, '|', s.file.split('/').pop(), s.line)
