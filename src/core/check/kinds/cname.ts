/**
 * The client CNAME rows (mail, imap, smtp, pop3): a CNAME to the provider's
 * host. An address record in its place (a proxied record, or an A typed by
 * hand) is named as such.
 */
import { normaliseName, sameName } from '../../names';
import type { CnameExpected, Severity } from '../../types';
import { minTtl, negativeTtl, recordsOf } from '../answers';
import type { KindCheck } from '../kind';
import { Row } from '../row';

export const cname: KindCheck<CnameExpected> = {
  async check(rec, answer, ctx) {
    const row = new Row(rec);
    const severity: Severity = rec.required ? 'fail' : 'warn';
    const cnames = recordsOf(answer, 'CNAME');
    const cnameRecord = cnames.find((r) => sameName(r.name, rec.name)) ?? cnames[0];
    if (cnameRecord) {
      const have = normaliseName(cnameRecord.data);
      row.observed = [`CNAME ${have}`];
      row.ttl = cnameRecord.ttl;
      if (!sameName(have, rec.target)) row.add('wrong-value', severity, { kind: 'cname', observed: have, expected: rec.target });
      return row.done();
    }
    row.absent(negativeTtl(answer));
    // No CNAME: an address record instead?
    const a = await ctx.ask(rec.name, 'A');
    const addrs = a.ok && a.resp.rcode === 'NOERROR' ? recordsOf(a.resp, 'A') : [];
    if (addrs.length > 0) {
      row.negative = false;
      row.ttl = minTtl(addrs);
      row.observed = addrs.map((r) => `A ${r.data}`);
      row.add('wrong-value', severity, { kind: 'address', observed: addrs.map((r) => r.data).join(', '), expected: rec.target });
      return row.done();
    }
    const found = rec.required
      ? await ctx.foundAt([ctx.doubled(rec.name)], 'CNAME', (a) => recordsOf(a, 'CNAME').length > 0)
      : undefined;
    if (found) row.add('wrong-name', severity, { found, expected: rec.name });
    else row.add('missing', rec.required ? 'fail' : 'info', { expected: rec.target, ...(rec.required ? {} : { optional: true }) });
    return row.done();
  },
};
