// Every guide page: a "last checked" date set in its frontmatter (rendered by
// Starlight as <time datetime>), and the DMARC pages on today's standard
// (RFC 9989/9990: pct removed, rollout by policy level, t=y and np explained).
import { describe, expect, it } from 'vitest';
import { prose, readPages } from '../support/docs-pages';

const pages = readPages();

describe('last checked dates', () => {
  it('every page sets lastUpdated to a calendar date (YYYY-MM-DD)', () => {
    const bad = pages
      .filter((p) => !/^\d{4}-\d{2}-\d{2}$/.test(p.lastUpdated ?? '') || Number.isNaN(Date.parse(p.lastUpdated ?? '')))
      .map((p) => `${p.file}: ${p.lastUpdated ?? '(none)'}`);
    expect(bad).toEqual([]);
  });

  it('a page and its twin were last checked on the same date', () => {
    const byKey = new Map(pages.filter((p) => p.lang === 'zh').map((p) => [p.key, p.lastUpdated]));
    const differ = pages
      .filter((p) => p.lang === 'en' && byKey.has(p.key) && byKey.get(p.key) !== p.lastUpdated)
      .map((p) => p.file);
    expect(differ).toEqual([]);
  });
});

describe('DMARC per RFC 9989', () => {
  const dmarcPages = ['dns/dmarc.mdx', 'reference/records.mdx', 'reference/glossary.mdx', 'reference/bounce-codes.mdx', 'troubleshooting/bounced-or-spam.mdx'];
  const files = dmarcPages.flatMap((f) => [f, `en/${f}`]);

  it.each(files)('%s links RFC 9989 on the RFC Editor site', (file) => {
    const page = pages.find((p) => p.file === file);
    expect(page?.body).toContain('https://www.rfc-editor.org/rfc/rfc9989');
  });

  it.each(['dns/dmarc.mdx', 'en/dns/dmarc.mdx', 'reference/records.mdx', 'en/reference/records.mdx'])(
    '%s explains t=y and np, and links RFC 9990',
    (file) => {
      const body = pages.find((p) => p.file === file)?.body ?? '';
      expect(body).toContain('t=y');
      expect(body).toMatch(/`np=?`/);
      expect(body).toContain('https://www.rfc-editor.org/rfc/rfc9990');
    },
  );

  it.each(['dns/dmarc.mdx', 'en/dns/dmarc.mdx'])('%s teaches the rollout none → quarantine → reject', (file) => {
    const body = pages.find((p) => p.file === file)?.body ?? '';
    expect(body).toMatch(/p=none`?\s*→\s*`?p=quarantine`?\s*→\s*`?p=reject/);
  });

  // pct may only be mentioned as removed (or replaced by t=y); never as a tag to set.
  it('no page mentions pct except as removed', () => {
    const teaching = pages.flatMap((p) =>
      prose(`${p.frontmatter}\n${p.body}`)
        .split('\n')
        .filter((line) => /\bpct\b/.test(line) && !/删除|removed|t=y/i.test(line))
        .map((line) => `${p.file}: ${line.trim().slice(0, 120)}`),
    );
    expect(teaching).toEqual([]);
  });

  it('no page shows a partial-rollout percentage such as pct=50', () => {
    const found = pages.filter((p) => /pct=(?:[1-9]\d?)\b/.test(p.body)).map((p) => p.file);
    expect(found).toEqual([]);
  });
});

describe('share widget', () => {
  // The share widget's default text asks the reader to fill in "the tool below": a page
  // without a tool must say so (withTool={false}), or it points at nothing.
  const TOOLS = /<(?:Checker|SpfInspector|DnsLookup|Propagation|ClientSettings|MessageAnalyser|DmarcReports)\b/;
  it('pages without a tool use the share widget without its "tool below" text', () => {
    const bad = pages
      .filter((p) => /<SharePageLink\b/.test(p.body) && !TOOLS.test(p.body) && !/<SharePageLink[^>]*withTool=\{false\}/.test(p.body))
      .map((p) => p.file);
    expect(bad).toEqual([]);
  });
});
