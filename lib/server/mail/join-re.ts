/** One regular expression from pieces, so long patterns stay within the line length and keep their parts readable. */
export function joinRe(flags: string, ...parts: RegExp[]): RegExp {
  return new RegExp(parts.map((p) => p.source).join(''), flags);
}
