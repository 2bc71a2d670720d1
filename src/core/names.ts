/**
 * The one normal form for DNS names in the core: how names are compared,
 * cached and shown. Lower-case ASCII letters (DNS compares ASCII letters
 * case-insensitively, RFC 4343; other bytes are kept as they are), no
 * surrounding white space, no trailing dot. The root stays ".". A dot escaped
 * inside a label (`\.`, as the DoH decoder prints it) is part of the label and
 * never stripped.
 */
export function normaliseName(name: string): string {
  const lower = name.trim().replace(/[A-Z]+/g, (s) => s.toLowerCase());
  if (/^\.+$/.test(lower)) return '.';
  let end = lower.length;
  while (end > 0 && lower[end - 1] === '.' && !escaped(lower, end - 1)) end--;
  return lower.slice(0, end);
}

/** Whether the character at `i` is escaped by an odd run of backslashes before it. */
function escaped(text: string, i: number): boolean {
  let n = 0;
  for (let j = i - 1; j >= 0 && text[j] === '\\'; j--) n++;
  return n % 2 === 1;
}

/** Two names are the same DNS name. */
export function sameName(a: string, b: string): boolean {
  return normaliseName(a) === normaliseName(b);
}

/** `name` is `zone` or below it (both in any form). */
export function isAtOrBelow(name: string, zone: string): boolean {
  const n = normaliseName(name);
  const z = normaliseName(zone);
  return n === z || n.endsWith(`.${z}`);
}
