/**
 * Checks of the generator's optional fields — the pasted DKIM key, the DMARC
 * report address, other SPF senders — before their text goes into a record the
 * reader copies into DNS. Each returns the first part that cannot be used (for
 * the message), or undefined when the input is usable or empty. Never throws.
 */
import { parseEmailAddress } from '../email';
import { normaliseDkimInput, parseDkim } from './dkim';
import { parseSpf, senderTerm } from './spf';

/** Control and format characters (NUL, escapes, bidi overrides, zero-width): never part of a usable value. */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;


/** The pasted DKIM value, when it is not a usable key record (`v=DKIM1; k=rsa; p=…` or the bare key). */
export function dkimInputProblem(pasted: string): string | undefined {
  if (typeof pasted !== 'string' || pasted.trim() === '') return undefined;
  const text = normaliseDkimInput(pasted);
  if (INVISIBLE.test(text)) return text;
  return parseDkim(text).errors.length > 0 ? text : undefined;
}

/** The first report address that is not a mailbox address (`mailto:` allowed), split as buildDmarc splits them. */
export function ruaInputProblem(rua: string): string | undefined {
  if (typeof rua !== 'string') return undefined;
  for (const item of rua.split(/[,，;；\s]+/)) {
    if (item === '' || item.toLowerCase() === 'mailto:') continue;
    const address = item.replace(/^mailto:/i, '');
    if (INVISIBLE.test(address) || !parseEmailAddress(address).ok) return item;
  }
  return undefined;
}

/**
 * The first extra SPF sender that is neither a domain to include nor one valid
 * mechanism naming senders (include:, ip4:, a, mx …). `all` is refused (the
 * record already ends with one; `+all` would authorise everyone), and so are
 * modifiers such as `redirect=` or unknown `name=value` terms: they name no sender.
 */
export function spfSenderProblem(senders: string): string | undefined {
  if (typeof senders !== 'string') return undefined;
  for (const item of senders.split(/[\s,]+/)) {
    if (item === '') continue;
    if (INVISIBLE.test(item)) return item;
    // A bare domain stands for include:<domain>, and must be a valid one (not "a.-").
    const parsed = parseSpf(`v=spf1 ${senderTerm(item)}`);
    const [term, ...more] = parsed.terms;
    if (parsed.errors.length > 0 || more.length > 0 || term?.kind !== 'mechanism' || term.mechanism === 'all') {
      return item;
    }
  }
  return undefined;
}
