/**
 * The first wave of DNS questions for a pasted message, read from its header
 * block in the page before the worker has even received it: each signature's
 * key (`<s>._domainkey.<d>`), the envelope sender's SPF record, the names of
 * the From domain's DMARC tree walk (the core's dmarcWalkNames: the names the
 * analysis's own walk asks), and the walks that find the organisational
 * domain of the envelope sender's domain and of each signing domain when they
 * are not From's (relaxed alignment needs them: a Return-Path on a subdomain
 * would otherwise cost a round trip after the others). The page asks them at
 * once through the run's answer cache (doh/run.ts), so when the analyser asks the same
 * questions a moment later, after parsing, the answers are already on their
 * way — the parse is no longer on the critical path (issue 12, item 10).
 *
 * Only a hint: a rough, bounded scan (the first 64 KB, 500 lines), never used
 * for any result. A name it gets wrong costs one question the analysis did not
 * need; a name it misses is simply asked later by the analysis itself.
 */
import { dmarcWalkNames, normaliseDomain } from '~/core';

/** How much of the input is scanned. */
const SCAN_BYTES = 64 * 1024;
/** Questions sent ahead at most. */
const MAX_QUESTIONS = 24;

const LABEL = /^[A-Za-z0-9_-]{1,63}$/;
const isName = (name: string) => name.length <= 253 && name.split('.').every((l) => LABEL.test(l));

function tag(value: string, name: string): string | undefined {
  return new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*([^;\\s]+)\\s*(?=;|$)`).exec(value)?.[1];
}

/** Bytes as UTF-8 text, bad bytes replaced (header names and ASCII domains read the same whatever the charset; UTF-8 addresses, RFC 6532, read as written). */
function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** A domain as DNS is asked it (A-labels for a Unicode name), or undefined. */
function asciiDomain(domain: string | undefined): string | undefined {
  if (domain === undefined || domain === '') return undefined;
  const t = domain.toLowerCase().replace(/\.$/, '');
  if (/^[\x00-\x7f]*$/.test(t)) return t;
  const n = normaliseDomain(t);
  return n.ok ? n.ascii : undefined;
}

/** TXT names to ask before the analysis starts, in the order the analysis needs them. */
export function firstWave(input: string | ArrayBuffer): string[] {
  const head = typeof input === 'string' ? input.slice(0, SCAN_BYTES) : utf8(new Uint8Array(input, 0, Math.min(SCAN_BYTES, input.byteLength)));
  const end = head.search(/\r?\n[ \t]*\r?\n/);
  const block = (end >= 0 ? head.slice(0, end) : head).replace(/\r?\n[ \t]+/g, ' ');
  const keys: string[] = [];
  const signers: string[] = [];
  let sender: string | undefined;
  let from: string | undefined;
  let received = false;
  for (const line of block.split(/\r?\n/).slice(0, 500)) {
    const m = /^([!-9;-~]+):(.*)$/.exec(line);
    if (!m) continue;
    const field = m[1]!.toLowerCase();
    const value = m[2]!;
    if (field === 'dkim-signature') {
      const d = tag(value, 'd')?.toLowerCase().replace(/\.$/, '');
      const s = tag(value, 's');
      if (d && s && isName(`${s}._domainkey.${d}`)) {
        keys.push(`${s}._domainkey.${d}`);
        signers.push(d);
      }
    } else if (field === 'return-path' && sender === undefined) {
      sender = asciiDomain(/<[^<>@]*@([^<>\s]+)>/.exec(value)?.[1]) ?? '';
    } else if (field === 'from' && from === undefined) {
      from = asciiDomain(/@([^\s<>()@"]+?)\s*>?\s*(?:\([^)]*\))?\s*$/.exec(value.trim())?.[1]) ?? '';
    } else if (field === 'received' || field === 'received-spf') {
      received = true;
    }
  }
  const names = keys.slice(0, 8);
  // SPF is evaluated only for an IP the headers give (a Received field).
  if (received && sender && isName(sender)) names.push(sender);
  if (from && isName(from)) {
    names.push(...dmarcWalkNames(from).map((n) => `_dmarc.${n}`));
    // The organisational-domain walks relaxed alignment will need (as analyse.ts starts them).
    const spfDomain = received ? sender : undefined;
    for (const d of new Set([spfDomain, ...signers.slice(0, 8)])) {
      if (d && d !== from && isName(d)) names.push(...dmarcWalkNames(d).map((n) => `_dmarc.${n}`));
    }
  }
  return [...new Set(names)].slice(0, MAX_QUESTIONS);
}
