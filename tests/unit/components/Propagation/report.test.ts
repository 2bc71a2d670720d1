// The comparison's copy report (src/components/Propagation/report.ts): the verdict,
// then one row per resolver with the status its badge shows, its records or why none.
import { describe, expect, it } from 'vitest';
import { compareResponses, DohError, PRESET_RESOLVERS, type DnsResponse } from '~/core';
import { propagationReport } from '~/components/Propagation/report';
import type { Outcome, PropagationRun } from '~/components/Propagation/usePropagation';
import { formatReport } from '~/components/ui/report';

const AT = Date.UTC(2026, 10, 30, 6, 5, 9);
const { alidns, dnspod, google, cloudflare } = PRESET_RESOLVERS;

const answer = (resolverId: string, exchange: string, ttl = 600): Outcome => ({
  kind: 'answer',
  response: {
    name: 'example.com',
    type: 'MX',
    rcode: 'NOERROR',
    ad: false,
    tc: false,
    answers: [{ name: 'example.com', type: 'MX', ttl, data: { preference: 5, exchange } }],
    authority: [],
    resolverId,
    elapsedMs: 20,
  } satisfies DnsResponse,
});

function runOf(outcomes: Record<string, Outcome>): PropagationRun {
  const resolvers = [alidns, dnspod, google, cloudflare];
  return { token: {}, name: 'example.com', type: 'MX', resolvers, outcomes: new Map(Object.entries(outcomes)), done: true, at: AT };
}

function reportOf(lang: 'zh' | 'en', run: PropagationRun) {
  const comparison = compareResponses(run.resolvers.map((r) => {
    const o = run.outcomes.get(r.id);
    return { id: r.id, response: o?.kind === 'answer' ? o.response : undefined };
  }));
  return propagationReport({ lang, run, comparison, timeoutMs: 5000 });
}

describe('propagationReport', () => {
  const stale = runOf({
    alidns: answer('alidns', 'mx1.qiye.aliyun.com'),
    dnspod: answer('dnspod', 'mx1.qiye.aliyun.com'),
    google: answer('google', 'mxbiz1.qq.com', 120),
    cloudflare: { kind: 'failed', error: new DohError('network', 'blocked', { resolverId: 'cloudflare' }) },
  });

  it('names the odd resolver in the verdict and gives each resolver its row (en)', () => {
    const body = reportOf('en', stale);
    expect(body.title).toBe('Compare resolvers: MX records of example.com.');
    expect(body.ranAt).toBe(AT);
    expect(body.verdict).toBe(
      'The answers differ: 2 resolvers agree, Google Public DNS answers differently. If the odd answer is an old record still cached, it expires within 120 s at the latest (from its TTL). If the answers still differ after that, the resolvers see different data, for example records set per region, or name servers that are out of step. ' +
        // China's two against one overseas: records set per region are the likely cause.
        'Resolvers in China and outside China answer differently: in your DNS console, check the record’s line/region setting (e.g. an Alibaba Cloud record set only for the “China” line, or different values per line). Use the default line.',
    );
    expect(body.resolvers).toEqual({ asked: ['AliDNS', 'DNSPod (Tencent)', 'Google Public DNS', 'Cloudflare'], answered: ['AliDNS', 'DNSPod (Tencent)', 'Google Public DNS'] });
    expect(body.rows.map((r) => `[${r.status}] ${r.label}`)).toEqual([
      '[Agrees] AliDNS (dns.alidns.com)',
      '[Agrees] DNSPod (Tencent) (doh.pub)',
      '[Differs] Google Public DNS (dns.google)',
      '[No answer] Cloudflare (cloudflare-dns.com)',
    ]);
    expect(body.rows[2]?.lines).toEqual(['5 mxbiz1.qq.com. (TTL 120 s)', 'Response code: NOERROR; DNSSEC validated (AD): no; Time: 20 ms']);
    expect(body.rows[3]?.lines?.[0]).toMatch(/^Could not be reached/);
  });

  it('writes the same in Chinese', () => {
    const text = formatReport({ ...reportOf('zh', stale), lang: 'zh', url: 'https://guide.example/tools/propagation/?name=example.com' });
    expect(text).toContain('多地解析对比：example.com. 的 MX 记录');
    expect(text).toContain('结论：回答不一致：2 个解析服务器的回答相同，Google 公共 DNS 的回答与之不同。');
    expect(text).toContain('[一致] 阿里公共 DNS (dns.alidns.com)\n  - 5 mx1.qiye.aliyun.com. (TTL 600 秒)');
    expect(text).toContain('[不一致] Google 公共 DNS (dns.google)');
    expect(text).toContain('[无回答] Cloudflare (cloudflare-dns.com)\n  - 无法连接');
  });

  it('says all agree when they do', () => {
    const body = reportOf('en', runOf({
      alidns: answer('alidns', 'mx1.qiye.aliyun.com'),
      dnspod: answer('dnspod', 'mx1.qiye.aliyun.com'),
      google: answer('google', 'mx1.qiye.aliyun.com'),
      cloudflare: answer('cloudflare', 'mx1.qiye.aliyun.com'),
    }));
    expect(body.verdict).toBe('All 4 resolvers give the same answer.');
    expect(body.rows.every((r) => r.status === 'Agrees')).toBe(true);
  });
});
