/**
 * The DKIM row: one key record at the selector that parses (RFC 6376 §3.6.1):
 * an RSA key of at least 1024 bits (2048 recommended) or an Ed25519 key of 32
 * raw bytes (RFC 8463 §4.2), not revoked (empty p=), usable for mail (s=) with
 * a usable hash (h=); testing mode (t=y) noted; and — when the reader pasted
 * the key from the admin console — the same key as in DNS.
 */
import { isDkimRecord, parseDkim } from '../../records/dkim';
import type { DkimExpected } from '../../types';
import { minTtl, negativeTtl, txtsOf } from '../answers';
import type { KindCheck } from '../kind';
import { Row } from '../row';

/** A key shortened for a sentence: its start and its end. */
function shorten(key: string): string {
  return key.length <= 24 ? key : `${key.slice(0, 12)}…${key.slice(-8)}`;
}

export const dkim: KindCheck<DkimExpected> = {
  async check(rec, answer, ctx) {
    const row = new Row(rec);
    const txts = txtsOf(answer);
    const keys = txts.filter((t) => isDkimRecord(t.text));
    row.observed = keys.map((t) => t.text);

    if (keys.length === 0 && txts.length > 0) {
      // Something is published at the selector, just not a key: say what is there.
      row.observed = txts.map((t) => t.text);
      row.ttl = minTtl(txts);
      row.add('dkim-syntax', 'fail', { reason: 'not-dkim' });
      return row.done();
    }
    if (keys.length === 0) {
      row.absent(negativeTtl(answer));
      const found = await ctx.foundAt([ctx.doubled(rec.name)], 'TXT', (a) => txtsOf(a).some((t) => isDkimRecord(t.text)));
      if (found) row.add('wrong-name', 'fail', { found, expected: rec.name });
      else row.add('missing', 'fail', {});
      return row.done();
    }

    row.ttl = minTtl(keys);
    if (keys.length > 1) row.add('dkim-syntax', 'fail', { reason: 'multiple', count: keys.length });
    const parsed = parseDkim(keys[0]?.text ?? '');
    for (const e of parsed.errors) {
      // An empty p= is not a typo: the key was withdrawn, and every signature with this selector fails.
      if (e.code === 'revoked') row.add('dkim-revoked', 'fail', { selector: rec.selector });
      else row.add('dkim-syntax', 'fail', { reason: e.code, ...(e.tag ? { tag: e.tag } : {}) });
    }
    if (parsed.testing) row.add('dkim-testing', 'info', { selector: rec.selector });
    if (parsed.keyBits !== undefined && parsed.tags.k === 'rsa') {
      if (parsed.keyBits < 1024) row.add('dkim-weak-key', 'fail', { bits: parsed.keyBits });
      else if (parsed.keyBits < 2048) row.add('dkim-weak-key', 'warn', { bits: parsed.keyBits });
    }
    const have = parsed.tags.p;
    if (rec.key && have !== undefined && rec.key !== have)
      row.add('dkim-key-mismatch', 'fail', { expected: shorten(rec.key), observed: shorten(have) });
    return row.done();
  },
};
