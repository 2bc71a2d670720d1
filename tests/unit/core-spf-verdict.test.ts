import { describe, expect, it } from 'vitest';
import { expandSpf } from '~/core/check/spf-expand';
import { spfVerdict } from '~/core/check/spf-verdict';
import { fakeDns, type FakeZone } from './core-fake-dns';

const BASE: FakeZone = {
  'spf.qiye.aliyun.com': { TXT: ['v=spf1 ip4:203.0.113.0/24 -all'] },
};

interface Row {
  name: string;
  zone: FakeZone;
  status: 'ok' | 'warn' | 'fail' | 'error';
  codes: string[];
}

const over: FakeZone = { 'over.example': { TXT: [`v=spf1 ${Array.from({ length: 11 }, (_, i) => `include:s${i}.over.example`).join(' ')} -all`] } };
for (let i = 0; i < 11; i++) over[`s${i}.over.example`] = { TXT: [`v=spf1 ip4:192.0.2.${i} -all`] };

const rows: Row[] = [
  // A plain, strict record that includes the provider: nothing to say.
  { name: 'a strict record with one include is ok', zone: { 'd.example': { TXT: ['v=spf1 include:spf.qiye.aliyun.com -all'] } }, status: 'ok', codes: [] },
  // Soft fail is a warning, explained by weak-policy.
  { name: 'soft fail warns', zone: { 'd.example': { TXT: ['v=spf1 include:spf.qiye.aliyun.com ~all'] } }, status: 'warn', codes: ['weak-policy'] },
  // +all authorises the whole internet.
  { name: '+all fails', zone: { 'd.example': { TXT: ['v=spf1 +all'] } }, status: 'fail', codes: ['weak-policy'] },
  // Eleven includes: one over the limit of ten lookups.
  { name: 'eleven lookups fail the limit', zone: { ...over, 'd.example': { TXT: ['v=spf1 include:over.example -all'] } }, status: 'fail', codes: ['spf-lookup-limit'] },
  // Three a: terms on names that do not exist: three void lookups.
  { name: 'three void lookups fail', zone: { 'd.example': { TXT: ['v=spf1 a:x1.d.example a:x2.d.example a:x3.d.example -all'] } }, status: 'fail', codes: ['spf-void-limit'] },
  // An include that comes back to the root.
  { name: 'a loop fails', zone: { 'd.example': { TXT: ['v=spf1 include:l.d.example -all'] }, 'l.d.example': { TXT: ['v=spf1 include:d.example -all'] } }, status: 'fail', codes: ['spf-loop'] },
  // A misspelt mechanism is a syntax error.
  { name: 'a syntax error fails', zone: { 'd.example': { TXT: ['v=spf1 inclde:spf.qiye.aliyun.com -all'] } }, status: 'fail', codes: ['spf-syntax'] },
  // No SPF record at all.
  { name: 'no record is missing', zone: { 'd.example': { TXT: ['google-site-verification=abc'] } }, status: 'fail', codes: ['missing'] },
  // Two SPF records.
  { name: 'two records fail', zone: { 'd.example': { TXT: ['v=spf1 -all', 'v=spf1 include:spf.qiye.aliyun.com -all'] } }, status: 'fail', codes: ['multiple-spf'] },
  // The domain does not exist.
  { name: 'a missing domain says nxdomain', zone: {}, status: 'fail', codes: ['nxdomain'] },
  // The resolver failed: we do not know, never "missing".
  { name: 'a resolver failure is an error, not missing', zone: { 'd.example': { reject: 'timeout' } }, status: 'error', codes: ['resolver-error'] },
  // SERVFAIL deeper in the tree also makes the verdict unknown.
  { name: 'SERVFAIL on an include is an error', zone: { 'd.example': { TXT: ['v=spf1 include:bad.example -all'] }, 'bad.example': { rcode: 'SERVFAIL' } }, status: 'error', codes: ['resolver-error'] },
];

describe('spfVerdict', () => {
  it.each(rows)('$name', async ({ zone, status, codes }) => {
    const dns = fakeDns({ ...BASE, ...zone });
    const verdict = spfVerdict(await expandSpf('d.example', dns.query));
    expect(verdict.status).toBe(status);
    for (const code of codes) expect(verdict.findings.map((f) => f.code)).toContain(code);
    if (status === 'error') expect(verdict.findings.map((f) => f.code)).not.toContain('missing');
  });
});
