/**
 * Citations for the deck: key syntax, bibliography, Vancouver formatting, numbering,
 * checks. Pure TypeScript (no Vue, no Slidev); setup/citations.ts connects it to
 * Slidev's parser.
 */
export * from './bibliography'
export * from './check'
export * from './deck'
export * from './findings'
export * from './lock'
export * from './online'
export * from './render'
export * from './syntax'
export * from './vancouver'
