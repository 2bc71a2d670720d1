// The words of the SPF tool (src/components/SpfInspector/strings.ts): each
// SPF result has a name and a meaning for delivery in both languages.
import { describe, expect, it } from 'vitest';
import { SPF_RESULTS } from '~/core';
import { strings } from '~/components/SpfInspector/strings';

const langs = ['zh', 'en'] as const;
const rows = langs.flatMap((lang) => SPF_RESULTS.map((result) => ({ lang, result })));

describe('what each SPF result means', () => {
  it.each(rows)('$lang: $result has a title and a meaning naming the domain', ({ lang, result }) => {
    const words = strings[lang].results[result];
    expect(words.title).not.toBe('');
    const meaning = words.meaning('192.0.2.1', 'example.com');
    // temperror is about DNS, not about the record: it names neither.
    if (result !== 'temperror') expect(meaning).toContain('example.com');
  });

  // The results that state something about the address name it.
  it.each(rows.filter((r) => ['pass', 'fail', 'softfail', 'neutral'].includes(r.result)))('$lang: $result names the IP', ({ lang, result }) => {
    expect(strings[lang].results[result].meaning('192.0.2.1', 'example.com')).toContain('192.0.2.1');
  });

  it.each(langs)('%s: every result has its own title and meaning', (lang) => {
    const titles = SPF_RESULTS.map((r) => strings[lang].results[r].title);
    const meanings = SPF_RESULTS.map((r) => strings[lang].results[r].meaning('192.0.2.1', 'example.com'));
    expect(new Set(titles).size).toBe(SPF_RESULTS.length);
    expect(new Set(meanings).size).toBe(SPF_RESULTS.length);
  });

  // Chinese titles carry the RFC word too: it is what receivers write in Authentication-Results.
  it.each(SPF_RESULTS)('zh: the title of %s carries the RFC word', (result) => {
    expect(strings.zh.results[result].title).toContain(`（${result}）`);
  });
  it.each(SPF_RESULTS)('en: the title of %s carries the RFC word', (result) => {
    expect(strings.en.results[result].title.toLowerCase()).toContain(result);
  });
});
