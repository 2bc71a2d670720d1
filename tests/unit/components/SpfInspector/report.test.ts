// The SPF tool's copy report (src/components/SpfInspector/report.ts): the expansion
// with its verdict, counts, findings and include tree; the IP test with its result,
// the term that decided and the lookups it used.
import { describe, expect, it } from 'vitest';
import { customResolver, evaluateSpf, expandSpf, PRESET_RESOLVERS, spfVerdict } from '~/core';
import { en } from '~/core/messages/en';
import { zh } from '~/core/messages/zh';
import { spfReport } from '~/components/SpfInspector/report';
import type { SpfTest } from '~/components/SpfInspector/form';
import { formatReport } from '~/components/ui/report';
import { fakeDns } from '../../support/fake-dns';

const AT = Date.UTC(2026, 10, 30, 6, 5, 9);
const ZONE = {
  'example.com': { TXT: ['v=spf1 include:_spf.example.net ~all'] },
  '_spf.example.net': { TXT: ['v=spf1 ip4:192.0.2.0/24 -all'] },
};
const resolvers = [customResolver('http://127.0.0.1:5300/dns-query'), PRESET_RESOLVERS.alidns];
const test: SpfTest = { ip: '192.0.2.7', sender: '', helo: '', domain: 'example.com', mailFrom: 'postmaster@example.com', identity: 'postmaster' };

async function reportOf(lang: 'zh' | 'en', withTest: boolean) {
  const { query } = fakeDns(ZONE);
  const expansion = await expandSpf('example.com', query);
  const evaluation = await evaluateSpf({ ip: test.ip, sender: 'example.com', helo: '', query });
  return spfReport({
    lang,
    state: { kind: 'done', domain: 'example.com', expansion, verdict: spfVerdict(expansion), ms: 30 },
    testState: withTest ? { kind: 'done', test, evaluation, ms: 20 } : { kind: 'idle' },
    ended: { at: AT, answeredBy: ['custom'] },
    resolvers,
    messages: lang === 'zh' ? zh : en,
  });
}

describe('spfReport', () => {
  it('reports the expansion: verdict, record, counts, the finding with its fix, and the tree (en)', async () => {
    const body = await reportOf('en', false);
    expect(body.title).toBe('SPF inspector: example.com');
    expect(body.ranAt).toBe(AT);
    expect(body.verdict).toBe('example.com: 1 DNS lookups, 0 void lookups, in 30 ms.');
    expect(body.resolvers).toEqual({ asked: ['Custom resolver (http://127.0.0.1:5300/dns-query)', 'AliDNS'], answered: ['Custom resolver (http://127.0.0.1:5300/dns-query)'] });
    expect(body.rows).toHaveLength(1);
    const [row] = body.rows;
    expect(row?.label).toBe('SPF record of example.com');
    // ~all: a weak policy, "should change".
    expect(row?.status).toBe('Should change');
    expect(row?.lines?.slice(0, 2)).toEqual(['Record: v=spf1 include:_spf.example.net ~all', 'DNS lookups: 1 / limit 10; Void lookups: 0 / limit 2']);
    expect(row?.lines?.[2]).toMatch(/~all/);
    expect(row?.lines?.slice(-3)).toEqual([
      'SPF tree:',
      'example.com (root, DNS lookups 1): v=spf1 include:_spf.example.net ~all',
      '· _spf.example.net (include): v=spf1 ip4:192.0.2.0/24 -all',
    ]);
  });

  it('adds the IP test as a second row: the result, the term that decided and the path to it, the lookups (zh)', async () => {
    const body = await reportOf('zh', true);
    expect(body.rows.map((r) => `[${r.status}] ${r.label}`)).toEqual(['[建议修改] example.com 的 SPF 记录', '[通过（pass）] IP 测试：192.0.2.7']);
    const text = formatReport({ ...body, lang: 'zh', url: 'https://guide.example/tools/spf/?domain=example.com&ip=192.0.2.7' });
    expect(text).toContain('  - 没有填写 MAIL FROM：按 postmaster@example.com 检查 example.com 的 SPF 记录。');
    expect(text).toContain('  - 决定结果的是 _spf.example.net 记录中的 ip4:192.0.2.0/24。路径：include:_spf.example.net → ip4:192.0.2.0/24');
    expect(text).toContain('  - 1. example.com TXT（SPF 记录）：有记录 — v=spf1 include:_spf.example.net ~all');
  });
});
