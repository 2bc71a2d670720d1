import { describe, expect, it } from 'vitest';
import { Row } from '~/core/check/row';

const at = { id: 'dmarc', name: '_dmarc.example.com' } as const;

describe('Row', () => {
  it('gives an ok row without findings, observed values or a TTL', () => {
    expect(new Row(at).done()).toEqual({ id: 'dmarc', status: 'ok', name: '_dmarc.example.com', observed: [], findings: [] });
  });

  it('files each finding under its row', () => {
    const row = new Row(at).add('weak-policy', 'warn', { dmarc: 'none', chosen: false });
    expect(row.findings).toEqual([
      { code: 'weak-policy', severity: 'warn', record: 'dmarc', name: '_dmarc.example.com', params: { dmarc: 'none', chosen: false } },
    ]);
  });

  it.each([
    { note: 'a failing row with a TTL says how long caches keep it', severity: 'fail', ttl: 600, negative: false, added: true },
    { note: 'a warning row with a TTL says so too', severity: 'warn', ttl: 600, negative: false, added: true },
    { note: 'an absent record says how long “no such record” is kept', severity: 'fail', ttl: 300, negative: true, added: true },
    { note: 'an ok row says nothing about caching', severity: 'info', ttl: 600, negative: false, added: false },
    { note: 'an error row says nothing about caching', severity: 'error', ttl: 600, negative: false, added: false },
    { note: 'a failing row without a TTL says nothing about caching', severity: 'fail', ttl: undefined, negative: false, added: false },
  ] as const)('$note', ({ severity, ttl, negative, added }) => {
    const row = new Row(at).add('missing', severity, {});
    if (negative) row.absent(ttl);
    else row.ttl = ttl;
    const done = row.done();
    expect(done.findings.map((f) => f.code)).toEqual(added ? ['missing', 'ttl'] : ['missing']);
    if (added) expect(done.findings[1]).toMatchObject({ severity: 'info', params: { seconds: ttl, negative } });
    expect(done.ttl).toBe(ttl);
    expect('ttl' in done).toBe(ttl !== undefined);
  });

  it('carries observed values and a suggestion when there is one', () => {
    const row = new Row({ id: 'spf', name: 'example.com' });
    row.observed = ['v=spf1 -all'];
    row.suggestion = 'v=spf1 include:spf.qiye.aliyun.com -all';
    expect(row.done()).toMatchObject({ observed: ['v=spf1 -all'], suggestion: 'v=spf1 include:spf.qiye.aliyun.com -all' });
    expect('suggestion' in new Row(at).done()).toBe(false);
  });
});
