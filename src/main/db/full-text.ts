/**
 * Turns what a worker types in the search box into a safe FTS5 query: each word becomes a quoted
 * prefix term, so "jan de vr" finds "Jan de Vries" and no character can become FTS5 syntax.
 * Returns null when nothing searchable is left.
 */
export function ftsPrefixQuery(input: string): string | null {
  const terms = input
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0)
    .slice(0, 8);
  if (terms.length === 0) return null;
  return terms.map((term) => `"${term}"*`).join(' ');
}
