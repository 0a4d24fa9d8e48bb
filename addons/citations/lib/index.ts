/**
 * The addon's Node API: key syntax, bibliography, Vancouver formatting, numbering, the
 * deck read through Slidev's parser (citedDeck.ts) and the check (`checkCitations`).
 * No Vue; setup/preparser.ts connects it to Slidev's rendering.
 */
export * from './bibliography'
export * from './bibliographyPath'
export * from './check'
export * from './citedDeck'
export * from './deck'
export * from './findings'
export * from './lock'
export * from './marker'
export * from './online'
export * from './render'
export * from './syntax'
export * from './vancouver'
