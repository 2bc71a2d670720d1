// The lookup's copy report (src/components/DnsLookup/report.ts): the question as
// its one row, the rcode as the page shows it, the answer as dig prints it.
import { describe, expect, it } from 'vitest';
import { customResolver, DohError, PRESET_RESOLVERS, type DnsResponse } from '~/core';
import { lookupReport } from '~/components/DnsLookup/report';
import { strings } from '~/components/DnsLookup/strings';
import { formatReport } from '~/components/ui/report';

const AT = Date.UTC(2026, 10, 30, 6, 5, 9);
const custom = customResolver('http://127.0.0.1:5300/dns-query');
const resolvers = [custom, PRESET_RESOLVERS.alidns];

const mx: DnsResponse = {
  name: 'example.com',
  type: 'MX',
  rcode: 'NOERROR',
  ad: true,
  tc: false,
  answers: [{ name: 'example.com', type: 'MX', ttl: 600, data: { preference: 5, exchange: 'mx1.qiye.aliyun.com' } }],
  authority: [],
  resolverId: 'custom',
  elapsedMs: 12,
};

describe('lookupReport', () => {
  it('reports an answer in English: the question, its rcode, the records, flags and time', () => {
    const body = lookupReport({ lang: 'en', s: strings.en, result: { kind: 'answer', response: mx, at: AT }, resolvers, timeoutMs: 4000 });
    expect(body.title).toBe('DNS lookup: example.com. MX');
    expect(body.ranAt).toBe(AT);
    expect(body.resolvers).toEqual({ asked: ['Custom resolver (http://127.0.0.1:5300/dns-query)', 'AliDNS'], answered: ['Custom resolver (http://127.0.0.1:5300/dns-query)'] });
    expect(body.rows).toEqual([
      {
        label: 'example.com. MX',
        status: 'NOERROR',
        lines: [
          'The name has records of this type.',
          'Answer section:',
          'example.com. 600 IN MX 5 mx1.qiye.aliyun.com.',
          'Flags: AD: DNSSEC validated by the resolver',
          'Time: 12 ms',
        ],
      },
    ]);
  });

  it('reports a name that does not exist in Chinese, with the authority section', () => {
    const response: DnsResponse = {
      ...mx,
      name: 'nosuch.example',
      type: 'A',
      rcode: 'NXDOMAIN',
      ad: false,
      answers: [],
      authority: [{ name: 'example', type: 'SOA', ttl: 300, data: { mname: 'ns.example', rname: 'hostmaster.example', serial: 1, refresh: 2, retry: 3, expire: 4, minimum: 300 } }],
      resolverId: 'alidns',
    };
    const body = lookupReport({ lang: 'zh', s: strings.zh, result: { kind: 'answer', response, at: AT }, resolvers, timeoutMs: 4000 });
    const text = formatReport({ ...body, lang: 'zh', url: 'https://guide.example/tools/lookup/?name=nosuch.example&type=A' });
    expect(text).toContain('[NXDOMAIN] nosuch.example. A\n  - 这个名称不存在（NXDOMAIN）。\n  - 回答部分：（无记录）\n  - 授权部分：\n  - example. 300 IN SOA');
    expect(text).toContain('查询的解析服务器：自定义解析服务器（http://127.0.0.1:5300/dns-query） → 阿里公共 DNS（给出答复的：阿里公共 DNS）');
  });

  it('reports a lookup no resolver answered as "could not check", with why', () => {
    const error = new DohError('timeout', 'slow', { resolverId: 'alidns' });
    const body = lookupReport({ lang: 'en', s: strings.en, result: { kind: 'failed', name: 'example.com', type: 'TXT', error, at: AT }, resolvers, timeoutMs: 4000 });
    expect(body.resolvers?.answered).toEqual([]);
    expect(body.rows).toEqual([
      { label: 'example.com. TXT', status: 'Could not check', lines: ['The lookup failed: No answer within 4 s. Every resolver was tried in turn.'] },
    ]);
  });
});
