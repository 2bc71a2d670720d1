// The one plain-text report format of every tool's "copy report" button
// (src/components/ui/report.ts): the link that reproduces the result, the time
// in ISO 8601 with its offset, the resolvers, and each row's status and text.
import { describe, expect, it } from 'vitest';
import { PRESET_RESOLVERS, customResolver } from '~/core';
import { formatReport, reportLink, reportResolvers, reportTime, resolverText, type ReportInput } from '~/components/ui/report';

const AT = Date.UTC(2026, 10, 30, 6, 5, 9);

describe('reportTime', () => {
  it.each([
    { offset: 480, text: '2026-11-30T14:05:09+08:00', what: 'Beijing time' },
    { offset: 0, text: '2026-11-30T06:05:09+00:00', what: 'UTC' },
    { offset: -300, text: '2026-11-30T01:05:09-05:00', what: 'a negative offset' },
    { offset: 330, text: '2026-11-30T11:35:09+05:30', what: 'an offset with minutes' },
    { offset: -480, text: '2026-11-29T22:05:09-08:00', what: 'a local date the day before' },
  ])('writes $what as ISO 8601 with the offset', ({ offset, text }) => {
    expect(reportTime(AT, offset)).toBe(text);
  });

  it('uses the offset of the machine when none is given', () => {
    expect(reportTime(AT)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  });
});

describe('reportLink', () => {
  it.each([
    {
      what: 'keeps the tool parameters in their order and drops the rest and the fragment',
      href: 'https://guide.example/tools/checker/?utm_source=x&domain=example.com&resolver=https%3A%2F%2Fdns.example%2Fdns-query#mx',
      mode: 'params' as const,
      patch: {},
      link: 'https://guide.example/tools/checker/?domain=example.com&resolver=https%3A%2F%2Fdns.example%2Fdns-query',
    },
    {
      what: 'keeps the SPF test parameters',
      href: 'https://guide.example/en/tools/spf/?domain=example.com&ip=192.0.2.1&sender=a%40example.com&helo=mx.example.com',
      mode: 'params' as const,
      patch: {},
      link: 'https://guide.example/en/tools/spf/?domain=example.com&ip=192.0.2.1&sender=a%40example.com&helo=mx.example.com',
    },
    {
      what: 'adds what the tool knows reproduces its result',
      href: 'https://guide.example/dns/mx/?resolver=http%3A%2F%2F127.0.0.1%3A1%2Fdns-query',
      mode: 'params' as const,
      patch: { name: 'example.com' },
      link: 'https://guide.example/dns/mx/?resolver=http%3A%2F%2F127.0.0.1%3A1%2Fdns-query&name=example.com',
    },
    {
      what: 'removes a parameter the patch clears, and an empty one',
      href: 'https://guide.example/tools/lookup/?name=example.com&type=MX&domain=',
      mode: 'params' as const,
      patch: { type: undefined },
      link: 'https://guide.example/tools/lookup/?name=example.com',
    },
    {
      what: 'gives the bare page for a private input',
      href: 'https://guide.example/tools/message/?resolver=https%3A%2F%2Fdns.example%2Fdns-query&domain=x#top',
      mode: 'bare' as const,
      patch: {},
      link: 'https://guide.example/tools/message/',
    },
  ])('$what', ({ href, mode, patch, link }) => {
    expect(reportLink(href, mode, patch)).toBe(link);
  });
});

describe('the resolvers', () => {
  const custom = customResolver('http://127.0.0.1:5300/dns-query');
  it.each([
    { lang: 'en' as const, r: PRESET_RESOLVERS.alidns, text: 'AliDNS' },
    { lang: 'en' as const, r: custom, text: 'Custom resolver (http://127.0.0.1:5300/dns-query)' },
    { lang: 'zh' as const, r: custom, text: '自定义解析服务器（http://127.0.0.1:5300/dns-query）' },
  ])('names $r.id in $lang', ({ lang, r, text }) => {
    expect(resolverText(r, lang)).toBe(text);
  });

  it('lists those asked in order and those that answered once each', () => {
    expect(reportResolvers([custom, PRESET_RESOLVERS.alidns, PRESET_RESOLVERS.google], ['alidns', 'custom', 'alidns', 'other'], 'en')).toEqual({
      asked: ['Custom resolver (http://127.0.0.1:5300/dns-query)', 'AliDNS', 'Google Public DNS'],
      answered: ['AliDNS', 'Custom resolver (http://127.0.0.1:5300/dns-query)', 'other'],
    });
  });
});

describe('formatReport', () => {
  const input: Omit<ReportInput, 'lang'> = {
    title: 'Check records: example.com',
    url: 'https://guide.example/en/tools/checker/?domain=example.com',
    ranAt: AT,
    resolvers: { asked: ['AliDNS', 'Google'], answered: ['AliDNS'] },
    verdict: 'Checked 2 records: 1 has a problem to fix.',
    rows: [
      { label: 'MX (receiving)', status: 'OK', lines: ['DNS returns: 5 mx1.qiye.aliyun.com.'] },
      { label: 'SPF (who may send)', status: 'Problem', lines: ['No SPF record.\nAdd one.'] },
      { label: 'Hop 1', status: '—' },
    ],
    notes: ['What a browser cannot check.'],
  };

  it('writes the title, link, time, resolvers, verdict, each row with its lines, then the notes (en)', () => {
    const time = reportTime(AT);
    expect(formatReport({ ...input, lang: 'en' })).toBe(
      [
        'Check records: example.com',
        'Link: https://guide.example/en/tools/checker/?domain=example.com',
        `Checked at: ${time}`,
        'Resolvers asked: AliDNS → Google (answered by: AliDNS)',
        'Verdict: Checked 2 records: 1 has a problem to fix.',
        '',
        '[OK] MX (receiving)',
        '  - DNS returns: 5 mx1.qiye.aliyun.com.',
        '',
        '[Problem] SPF (who may send)',
        '  - No SPF record.',
        '    Add one.',
        '',
        '[—] Hop 1',
        '',
        'What a browser cannot check.',
        '',
      ].join('\n'),
    );
  });

  it('writes the same in Chinese with full-width punctuation', () => {
    const text = formatReport({ ...input, lang: 'zh', resolvers: { asked: ['AliDNS'], answered: [] } });
    expect(text.split('\n').slice(1, 5)).toEqual([
      'Link: https://guide.example/en/tools/checker/?domain=example.com'.replace('Link: ', '链接：'),
      `检查时间：${reportTime(AT)}`,
      '查询的解析服务器：AliDNS（给出答复的：无）',
      '结论：Checked 2 records: 1 has a problem to fix.',
    ]);
  });

  it('says when nothing has run yet, and leaves out what a tool does not give', () => {
    expect(formatReport({ lang: 'en', title: 'T', url: 'https://x.example/', ranAt: undefined, rows: [] })).toBe(
      'T\nLink: https://x.example/\nChecked at: not checked yet\n',
    );
  });
});
