// The SPF tool's sentences (src/components/SpfInspector/describe.ts): form
// problems, why a result is an error or none, and lookup outcomes, in both
// languages, with text from DNS shortened and its control characters shown.
import { describe, expect, it } from 'vitest';
import type { SpfLookup, SpfProblem } from '~/core';
import { en } from '~/core/messages/en';
import { zh } from '~/core/messages/zh';
import { heloErrorText, ipErrorText, lookupData, lookupOutcomeText, problemText, senderErrorText } from '~/components/SpfInspector/describe';

const lookup = (l: Partial<SpfLookup>): SpfLookup => ({ name: 'example.com', type: 'TXT', purpose: 'record', outcome: 'answer', data: [], prefetched: false, ...l });

describe('form problems in words', () => {
  it.each([
    { lang: 'en', text: ipErrorText({ code: 'invalid', input: '192.0.2.300' }, 'en'), has: ['“192.0.2.300” is not an IP address'] },
    { lang: 'zh', text: ipErrorText({ code: 'range', input: '192.0.2.0/24' }, 'zh'), has: ['“192.0.2.0/24”是一个地址段'] },
    // An address problem names the offending character.
    { lang: 'en', text: senderErrorText({ kind: 'address', reason: 'invalid-local-part', input: 'a b@example.com', detail: ' ' }, 'en', en), has: ['“ ”'] },
    // A domain problem uses the core's domain messages.
    { lang: 'en', text: senderErrorText({ kind: 'domain', error: { code: 'single-label', input: 'postmaster', detail: 'postmaster' } }, 'en', en), has: ['“postmaster” has no suffix'] },
    { lang: 'zh', text: senderErrorText({ kind: 'address', reason: 'invalid-domain', input: 'a@x', detail: 'x', domainError: { code: 'single-label', input: 'x', detail: 'x' } }, 'zh', zh), has: ['x'] },
    { lang: 'en', text: heloErrorText({ code: 'needed-for-bounce' }, 'en', en), has: ['HELO name is checked'] },
    { lang: 'en', text: heloErrorText({ code: 'invalid', error: { code: 'empty-label', input: 'a..b', detail: 'a..b' } }, 'en', en), has: ['“a..b” has two dots in a row'] },
  ])('$lang: $has', ({ text, has }) => {
    for (const h of has) expect(text).toContain(h);
  });

  it('says something about a bad domain as MAIL FROM before the core messages have loaded', () => {
    expect(senderErrorText({ kind: 'domain', error: { code: 'empty-label', input: 'a..b' } }, 'en', undefined)).toBe('Enter an email address or a domain.');
  });

  it('shows control characters in a typed IP instead of passing them on', () => {
    expect(ipErrorText({ code: 'invalid', input: '192.0.2.1\u202E' }, 'en')).not.toContain('\u202E');
  });
});

describe('why a result is an error or none', () => {
  const lookups = [lookup({}), lookup({ name: 'broken.test', outcome: 'dns-error', rcode: 'SERVFAIL' }), lookup({ name: 'slow.test', type: 'A', outcome: 'dns-error', error: 'timeout' })];
  const rows: { problem: SpfProblem; lang: 'zh' | 'en'; text: string }[] = [
    { problem: { code: 'no-record', domain: 'example.com' }, lang: 'en', text: 'example.com has no SPF record (no TXT record starting with v=spf1).' },
    { problem: { code: 'multiple-records', domain: 'twospf.test' }, lang: 'zh', text: 'twospf.test 有不止一条 SPF 记录，收件方会按永久错误处理（RFC 7208 §4.5）。请合并为一条。' },
    { problem: { code: 'invalid-domain', domain: 'localhost' }, lang: 'en', text: '“localhost” is not a domain name SPF can check.' },
    // A failed lookup names the question and the rcode …
    { problem: { code: 'dns-error', domain: 'broken.test', lookup: 1 }, lang: 'en', text: 'While checking broken.test, the lookup of broken.test TXT failed (SERVFAIL).' },
    // … or the transport error, in words.
    { problem: { code: 'dns-error', domain: 'example.com', term: 'a:slow.test', lookup: 2 }, lang: 'zh', text: '检查 example.com 时查询 slow.test A 失败（没有及时回答）。' },
    // A parser reason comes from the core's messages, a macro reason from the widget's.
    { problem: { code: 'syntax', domain: 'example.com', term: 'ip4:300.0.0.1', syntax: 'invalid-ip4' }, lang: 'en', text: 'The SPF record of example.com has a syntax error in “ip4:300.0.0.1”: the IPv4 address is not valid.' },
    { problem: { code: 'syntax', domain: 'example.com', term: 'exists:%{z}', syntax: 'unknown-letter' }, lang: 'en', text: 'The SPF record of example.com has a syntax error in “exists:%{z}”: a macro uses a letter that does not exist.' },
    { problem: { code: 'lookup-limit', domain: 'spf-over.test', term: 'include:c.spf-over.test' }, lang: 'en', text: 'More than 10 terms that query DNS were needed (the 11th is include:c.spf-over.test in the record of spf-over.test; RFC 7208 §4.6.4).' },
    { problem: { code: 'void-limit', domain: 'spf-void.test', term: 'a:gone3.spf-void.test' }, lang: 'en', text: 'More than 2 lookups found nothing (the 3rd came from a:gone3.spf-void.test in the record of spf-void.test; RFC 7208 §4.6.4).' },
    { problem: { code: 'mx-limit', domain: 'example.com', term: 'mx' }, lang: 'en', text: 'mx in the record of example.com names a domain with more than 10 MX records (RFC 7208 §4.6.4).' },
    { problem: { code: 'include-none', domain: 'gone.example', term: 'include:gone.example' }, lang: 'en', text: 'include:gone.example names gone.example, which has no SPF record (RFC 7208 §5.2).' },
    { problem: { code: 'redirect-none', domain: 'gone.example', term: 'redirect=gone.example' }, lang: 'zh', text: 'redirect=gone.example 指向的 gone.example 没有 SPF 记录（RFC 7208 §6.1）。' },
  ];
  it.each(rows)('$lang: $problem.code', ({ problem, lang, text }) => {
    expect(problemText(problem, lookups, lang, lang === 'en' ? en : zh)).toBe(text);
  });

  it('quotes a term from DNS shortened, with control characters made visible', () => {
    const term = `include:${'a'.repeat(300)}\u0007.example`;
    const text = problemText({ code: 'include-none', domain: 'x.example', term }, [], 'en', en);
    expect(text).not.toContain('\u0007');
    expect(text).not.toContain('a'.repeat(200));
    expect(text).toContain('…');
  });
});

describe('lookups in words', () => {
  it.each([
    { l: lookup({ outcome: 'answer' }), text: 'records' },
    { l: lookup({ outcome: 'no-data' }), text: 'no records of this type' },
    { l: lookup({ outcome: 'nxdomain' }), text: 'name does not exist' },
    { l: lookup({ outcome: 'dns-error', rcode: 'SERVFAIL' }), text: 'failed: SERVFAIL' },
    { l: lookup({ outcome: 'dns-error', error: 'network' }), text: 'failed: the resolver could not be reached' },
    { l: lookup({ outcome: 'invalid-name' }), text: 'not a name that can be asked' },
  ])('$l.outcome → $text', ({ l, text }) => {
    expect(lookupOutcomeText(l, 'en')).toBe(text);
  });

  it('keeps at most 10 data items, each shortened, and counts the rest', () => {
    const data = lookupData(lookup({ data: [...Array.from({ length: 12 }, (_, i) => `192.0.2.${i}`)].concat('x'.repeat(500)) }));
    expect(data.items).toHaveLength(10);
    expect(data.more).toBe(3);
    expect(lookupData(lookup({ data: ['x'.repeat(500)] })).items[0]?.length).toBeLessThan(210);
  });
});
