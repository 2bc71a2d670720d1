/**
 * The MX row: the provider's hosts, one of its complete sets (or a mix when the
 * provider allows it), no other provider's hosts, and no CNAME at the name.
 */
import { normaliseName, sameName } from '../../names';
import { recogniseProvider } from '../../providers/index';
import type { MxExpected } from '../../types';
import { minTtl, negativeTtl, recordsOf } from '../answers';
import type { KindCheck } from '../kind';
import { Row } from '../row';

export const mx: KindCheck<MxExpected> = {
  async check(rec, answer, ctx) {
    const row = new Row(rec);
    const cname = recordsOf(answer, 'CNAME').find((r) => sameName(r.name, rec.name));
    if (cname) row.add('cname-conflict', 'fail', { target: normaliseName(cname.data) });
    const records = recordsOf(answer, 'MX');
    row.observed = records.map((r) => `${r.data.preference} ${normaliseName(r.data.exchange)}`);
    const expectedList = rec.values.map((v) => v.value).join(', ');

    if (records.length === 0) {
      row.absent(negativeTtl(answer));
      const found = await ctx.foundAt([ctx.doubled(rec.name)], 'MX', (a) => recordsOf(a, 'MX').length > 0);
      if (found) row.add('wrong-name', 'fail', { found, expected: rec.name });
      else row.add('missing', 'fail', { expected: expectedList });
      return row.done();
    }

    row.ttl = minTtl(records);
    const sets = rec.sets.map((set) => set.map((m) => normaliseName(m.host)));
    const ourHosts = new Set(sets.flat());
    const hosts = [...new Set(records.map((r) => normaliseName(r.data.exchange)))];
    const ours = hosts.filter((h) => ourHosts.has(h));
    const others = hosts.filter((h) => !ourHosts.has(h));
    const recognised = recogniseProvider(others);
    const unknown = others.filter((h) => !recognised.some((p) => p.hosts.includes(h)));

    if (ours.length === 0) {
      for (const p of recognised) row.add('foreign-mx', 'fail', { provider: p.id, hosts: p.hosts });
      if (unknown.length > 0)
        row.add('wrong-value', 'fail', { kind: 'value', observed: unknown.join(', '), expected: expectedList });
      return row.done();
    }
    if (others.length > 0) {
      for (const p of recognised) row.add('mixed-mx', 'fail', { provider: p.id, hosts: p.hosts });
      if (unknown.length > 0) row.add('mixed-mx', 'fail', { hosts: unknown });
      return row.done();
    }
    const fullSet = sets.some((set) => set.every((h) => ours.includes(h)));
    const withinOneSet = sets.some((set) => ours.every((h) => set.includes(h)));
    if (!fullSet && (ours.length < 2 || !(rec.allowMix || withinOneSet))) {
      const missing = (sets[0] ?? []).filter((h) => !ours.includes(h));
      row.add('wrong-value', 'warn', {
        kind: 'mx-partial',
        observed: ours.join(', '),
        expected: expectedList,
        missing: missing.join(', '),
      });
    }
    return row.done();
  },
};
