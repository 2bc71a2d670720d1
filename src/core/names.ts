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

// ───────────── Presentation format: the wire labels a name stands for ─────────────
//
// Names in the core are text in DNS presentation format: labels separated by
// ".", with dig-style escapes — `\.` a dot inside a label, `\\` a backslash,
// `\DDD` a byte — and any other character standing for its UTF-8 bytes. Any
// name an SPF macro can produce (spaces, "%", other bytes) can be written so.
// The DoH decoder prints names the same way (labelText), so the canonical form
// of a name (canonicalName) is what it is compared and cached under.

/** RFC 1035 §2.3.4: 63 bytes per label, 255 bytes per name on the wire (length bytes and the root included). */
export const MAX_LABEL_BYTES = 63;
export const MAX_NAME_BYTES = 255;

/** A name that cannot be sent: an empty label, a label or name too long, a bad escape. */
export class InvalidName extends Error {
  constructor(
    readonly dnsName: string,
    readonly reason: string,
  ) {
    super(`The name "${dnsName.length > 80 ? `${dnsName.slice(0, 77)}…` : dnsName}" cannot be asked: ${reason}.`);
  }
}

const utf8 = new TextEncoder();

/** One label's bytes as text: A-Z lower-cased, "." and "\" escaped, other non-printables as \DDD (as dig prints them). */
export function labelText(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) {
    if (b >= 0x41 && b <= 0x5a) s += String.fromCharCode(b + 0x20);
    else if (b === 0x2e || b === 0x5c) s += `\\${String.fromCharCode(b)}`;
    else if (b < 0x21 || b > 0x7e) s += `\\${b.toString().padStart(3, '0')}`;
    else s += String.fromCharCode(b);
  }
  return s;
}

/**
 * The wire labels of a name in presentation format; one trailing dot is
 * allowed, "" and "." are the root. Throws InvalidName.
 */
export function presentationLabels(name: string): Uint8Array[] {
  if (name === '' || name === '.') return [];
  const labels: Uint8Array[] = [];
  let label: number[] = [];
  let wire = 1;
  let ended = false; // the last character was an unescaped dot
  const close = (): void => {
    if (label.length === 0) throw new InvalidName(name, 'it has an empty label');
    if (label.length > MAX_LABEL_BYTES) throw new InvalidName(name, `a label is longer than ${MAX_LABEL_BYTES} bytes`);
    wire += label.length + 1;
    if (wire > MAX_NAME_BYTES) throw new InvalidName(name, `it is longer than ${MAX_NAME_BYTES} bytes`);
    labels.push(Uint8Array.from(label));
    label = [];
  };
  const chars = Array.from(name);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    ended = false;
    if (ch === '.') {
      close();
      ended = true;
    } else if (ch === '\\') {
      const next = chars[i + 1];
      if (next === undefined) throw new InvalidName(name, 'it ends with a lone backslash');
      const digits = chars.slice(i + 1, i + 4).join('');
      if (/^\d{3}$/.test(digits)) {
        const v = Number(digits);
        if (v > 255) throw new InvalidName(name, `the escape \\${digits} is not a byte`);
        label.push(v);
        i += 3;
      } else {
        label.push(...utf8.encode(next));
        i += 1;
      }
    } else {
      label.push(...utf8.encode(ch));
    }
    // Fail early on absurd input rather than building a huge label.
    if (label.length > MAX_LABEL_BYTES) throw new InvalidName(name, `a label is longer than ${MAX_LABEL_BYTES} bytes`);
  }
  if (!ended) close();
  return labels;
}

/**
 * The form the DoH decoder prints for a name: lower-case ASCII letters, no
 * trailing dot ("." for the root), dig-style escapes. Two spellings of one name
 * give the same canonical name. Throws InvalidName for a name that cannot be sent.
 */
export function canonicalName(name: string): string {
  const labels = presentationLabels(name);
  return labels.length === 0 ? '.' : labels.map(labelText).join('.');
}
