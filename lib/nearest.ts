/**
 * The one edit distance of every checker lives in the citations addon, which must stay
 * self-contained (a deck copies its folder); the deck's own checkers take it from there.
 */
export { editDistance, nearest } from '../addons/citations/lib/nearest'
