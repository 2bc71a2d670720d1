/**
 * The DMARC row: one policy record at `_dmarc.<domain>` that parses, and the
 * policy compared with the one the reader chose (weaker: a warning).
 */
import { isDmarcRecord, parseDmarc } from '../../records/dmarc';
import type { DmarcExpected, DmarcPolicy } from '../../types';
import { minTtl, negativeTtl, txtsOf } from '../answers';
import type { KindCheck } from '../kind';
import { Row } from '../row';

const POLICY_RANK: Readonly<Record<DmarcPolicy, number>> = { none: 0, quarantine: 1, reject: 2 };

/** Text meant as a DMARC record that does not start with `v=DMARC1`. */
const NEAR_DMARC = /v\s*=\s*dmarc|(?:^|;)\s*p\s*=\s*(?:none|quarantine|reject)/i;

export const dmarc: KindCheck<DmarcExpected> = {
  firstQuestions: () => [],

  async check(rec, answer, ctx) {
    const row = new Row(rec);
    const txts = txtsOf(answer);
    const records = txts.filter((t) => isDmarcRecord(t.text));
    const near = txts.filter((t) => !isDmarcRecord(t.text) && NEAR_DMARC.test(t.text));
    row.observed = [...records, ...near].map((t) => t.text);

    if (records.length === 0) {
      row.absent(negativeTtl(answer) ?? minTtl(txts));
      if (near[0]) {
        row.add('dmarc-syntax', 'fail', { reason: 'no-version', value: near[0].text.slice(0, 40) });
        return row.done();
      }
      // The record put at the domain itself, or typed in full into a console that appends the domain.
      const found = await ctx.foundAt([ctx.domain, ctx.doubled(rec.name)], 'TXT', (a) =>
        txtsOf(a).some((t) => isDmarcRecord(t.text)),
      );
      if (found) row.add('wrong-name', 'fail', { found, expected: rec.name });
      else row.add('missing', 'fail', { expected: rec.values[0]?.value ?? '' });
      return row.done();
    }

    row.ttl = minTtl(records);
    if (records.length > 1) {
      row.add('dmarc-syntax', 'fail', { reason: 'multiple', count: records.length });
      return row.done();
    }
    const parsed = parseDmarc(records[0]?.text ?? '');
    for (const e of parsed.errors)
      row.add('dmarc-syntax', 'fail', { reason: e.code, ...(e.tag ? { tag: e.tag } : {}), ...(e.value ? { value: e.value } : {}) });
    const policy = parsed.tags.p;
    if (policy === 'none') row.add('weak-policy', rec.policy === 'none' ? 'info' : 'warn', { dmarc: 'none', chosen: rec.policy === 'none' });
    else if (policy && policy !== rec.policy) {
      row.add('wrong-value', POLICY_RANK[policy] < POLICY_RANK[rec.policy] ? 'warn' : 'info', {
        kind: 'dmarc-policy',
        observed: `p=${policy}`,
        expected: `p=${rec.policy}`,
      });
    }
    return row.done();
  },
};
