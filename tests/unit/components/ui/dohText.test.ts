// Words for a resolver that gave no answer (src/components/ui/dohText.ts): an
// HTTP 429 or 5xx says the resolver could not answer, never that a record is missing.
import { describe, expect, it } from 'vitest';
import { DohError, PRESET_RESOLVERS } from '~/core';
import { dohErrorText } from '~/components/ui/dohText';

describe('dohErrorText for HTTP errors', () => {
  it.each([
    { status: 429, lang: 'en', text: 'The resolver is limiting the queries from your network (HTTP 429) and gave no DNS answer. Check again later, or use another resolver.' },
    { status: 429, lang: 'zh', text: '解析服务器限制了来自你的网络的查询次数（HTTP 429），没有给出 DNS 回答。稍后再查，或换一个解析服务器。' },
    { status: 503, lang: 'en', text: 'The resolver had a server error (HTTP 503) and gave no DNS answer.' },
    { status: 500, lang: 'zh', text: '解析服务器自身出错（HTTP 500），没有给出 DNS 回答。' },
    { status: 404, lang: 'en', text: 'The resolver returned HTTP error 404 instead of a DNS answer.' },
  ] as const)('says what HTTP $status means ($lang)', ({ status, lang, text }) => {
    const error = new DohError('http-status', 'x', { status, resolverId: 'alidns' });
    expect(dohErrorText(error, lang, PRESET_RESOLVERS.alidns, 4000)).toBe(text);
  });
});
