/**
 * Where a DOI or URL may break across lines (vancouver.ts breakableIdentifier says why). Its
 * own module, with no imports: the deck's QR captions use it too, and must not bring
 * citation-js with them.
 */

/** The unbreakable parts of an identifier: a line may break after a slash, or before a dot, hyphen or underscore. */
export function identifierParts(id: string): string[] {
  return id.split(/(?<=\/)(?!\/)|(?<!^10)(?=[.\-_])/).filter(Boolean)
}

/**
 * An address in pieces up to each slash, each piece in its parts: a caption that wraps its
 * pieces as wholes breaks after a slash where it can, and inside a piece, before a dot or
 * hyphen, only where the piece is wider than a line.
 */
export function identifierPieces(id: string): string[][] {
  return id.split(/(?<=\/)/).map(identifierParts)
}
