/**
 * The SPF row: exactly one SPF record at the domain (RFC 7208 §3.2), the
 * provider's include (or an equivalent) and the reader's other senders
 * reachable in its tree, and the tree itself sound (syntax, the §4.6.4 limits,
 * loops, broken includes). When the domain already has a record, the result
 * carries the record to publish: that one merged with the provider's include
 * and the reader's senders (other mailbox providers' includes dropped).
 */
import { buildSpf } from '../../expected';
import { normaliseName, sameName } from '../../names';
import { isSpfRecord, parseSpf } from '../../records/spf';
import type { SpfExpected } from '../../types';
import { minTtl, negativeTtl, recordsOf, txtsOf } from '../answers';
import type { KindCheck } from '../kind';
import { wwwOf } from '../questions';
import { Row } from '../row';
import { expandSpf } from '../spf-expand';
import { addSpfTreeFindings } from '../spf-verdict';

/** Text that is meant as SPF but does not start with a valid `v=spf1`. */
const NEAR_SPF = /^\s*(?:v\s*=\s*spf|spf1\b)/i;


export const spf: KindCheck<SpfExpected> = {
  async check(rec, answer, ctx) {
    const row = new Row(rec);
    const cname = recordsOf(answer, 'CNAME').find((r) => sameName(r.name, rec.name));
    if (cname && sameName(rec.name, ctx.domain)) row.add('cname-conflict', 'fail', { target: normaliseName(cname.data) });
    const txts = txtsOf(answer);
    const records = txts.filter((t) => isSpfRecord(t.text));
    row.observed = records.map((t) => t.text);

    if (records.length === 0) {
      row.absent(negativeTtl(answer) ?? minTtl(txts));
      const near = txts.find((t) => NEAR_SPF.test(t.text));
      if (near) {
        row.observed = [near.text];
        const err = parseSpf(near.text).errors[0];
        row.add('spf-syntax', 'fail', {
          domain: rec.name,
          term: err?.term ?? near.text.slice(0, 20),
          reason: err?.code ?? 'no-version',
          offset: err?.start ?? 0,
        });
        return row.done();
      }
      const found = await ctx.foundAt([wwwOf(ctx.domain), ctx.doubled(rec.name)], 'TXT', (a) =>
        txtsOf(a).some((t) => isSpfRecord(t.text)),
      );
      if (found) row.add('wrong-name', 'fail', { found, expected: rec.name });
      else row.add('missing', 'fail', { expected: rec.values[0]?.value ?? '' });
      return row.done();
    }

    row.ttl = minTtl(records);
    if (records.length > 1) {
      row.add('multiple-spf', 'fail', { count: records.length });
      return row.done();
    }
    const text = records[0]?.text ?? '';
    const expansion = await expandSpf(ctx.domain, ctx.query, { signal: ctx.signal, rootRecord: text });
    const reachable = new Set(expansion.includes);
    const providerGroup = rec.providerIncludes;
    const providerReachable = providerGroup.some((g) => reachable.has(g));
    for (const include of [providerGroup[0], ...rec.senderIncludes]) {
      if (include === undefined) continue;
      const group = providerGroup.includes(include) ? providerGroup : [include];
      if (!group.some((g) => reachable.has(g))) row.add('spf-include-missing', 'fail', { include });
    }
    row.suggestion = buildSpf(ctx.provider, text, rec.extraSenders, { providerReachable });
    addSpfTreeFindings(expansion, text, row);
    return row.done();
  },
};
