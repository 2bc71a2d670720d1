/**
 * BIND zone-file snippet of the expected records, for pasting into a DNS host
 * that takes zone files or for keeping as a record. Names are absolute (with
 * the trailing dot); TXT values are split into quoted strings of at most 255
 * bytes with quotes, backslashes and non-printable bytes escaped.
 */
import { needsConsoleValue } from '../expected';
import { normaliseName } from '../names';
import { splitTxt } from '../records/txt';
import type { ExpectedRecord } from '../types';

const encoder = new TextEncoder();

/** One character-string in zone-file syntax: "…" with \" \\ and \DDD escapes. */
export function quoteTxt(s: string): string {
  let out = '"';
  for (const byte of encoder.encode(s)) {
    if (byte === 0x22) out += '\\"';
    else if (byte === 0x5c) out += '\\\\';
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += `\\${byte.toString().padStart(3, '0')}`;
  }
  return `${out}"`;
}

function abs(name: string): string {
  const n = normaliseName(name);
  return n === '.' ? n : `${n}.`;
}

/** Zone-file text (one line per value). Records whose value must come from a console are commented out. */
export function toZoneFile(records: readonly ExpectedRecord[], domain: string, ttl = 600): string {
  const lines = [`; Mail records for ${abs(domain)}`, `$TTL ${Math.max(0, Math.floor(ttl))}`];
  for (const r of records) {
    for (const v of r.values) {
      let data: string;
      if (r.type === 'MX') data = `${v.priority ?? 10} ${abs(v.value)}`;
      else if (r.type === 'CNAME') data = abs(v.value);
      else data = splitTxt(v.value, 255).map(quoteTxt).join(' ');
      const line = `${abs(r.name)}\tIN\t${r.type}\t${data}`;
      if (needsConsoleValue(r)) {
        lines.push(`; ${r.id}: copy the value from the mail admin console, then publish:`);
        lines.push(`; ${line}`);
      } else {
        lines.push(line);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
