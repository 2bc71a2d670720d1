import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findingGuide, RECORD_GUIDE } from '~/core/findings/guides';
import { finding, PROBLEM_CODES, type Finding, type FindingParams, type ProblemCode } from '~/core/findings/index';
import { RECORD_IDS, type RecordId } from '~/core/types';

/** Whether the site has this page in both languages (zh at the root, English under en/). */
const pageExists = (slug: string): boolean =>
  ['', 'en/'].every((lang) => ['mdx', 'md'].some((ext) => existsSync(new URL(`../../../../src/content/docs/${lang}${slug}.${ext}`, import.meta.url))));

/** Parameters good enough to build a finding of any code (the guide does not read them). */
const any = (code: ProblemCode, record: RecordId): Finding =>
  finding(code, 'fail', { record, name: 'example.com' }, {} as FindingParams[ProblemCode]) as Finding;

describe('findingGuide', () => {
  it.each([
    { code: 'multiple-spf', guide: 'dns/spf' },
    { code: 'spf-lookup-limit', guide: 'dns/spf' },
    { code: 'spf-void-limit', guide: 'dns/spf' },
    { code: 'spf-mx-limit', guide: 'dns/spf' },
    { code: 'spf-syntax', guide: 'dns/spf' },
    { code: 'spf-loop', guide: 'dns/spf' },
    { code: 'spf-include-missing', guide: 'dns/spf' },
    { code: 'spf-broken-include', guide: 'dns/spf' },
    { code: 'foreign-mx', guide: 'start/migrate' },
    { code: 'mixed-mx', guide: 'dns/mx' },
    { code: 'cname-conflict', guide: 'dns/cname' },
    { code: 'wrong-name', guide: 'dns/setup' },
    { code: 'nxdomain', guide: 'troubleshooting/not-receiving' },
    { code: 'resolver-error', guide: 'tools/propagation' },
    { code: 'dmarc-syntax', guide: 'dns/dmarc' },
    { code: 'dkim-syntax', guide: 'dns/dkim' },
    { code: 'dkim-weak-key', guide: 'dns/dkim' },
    { code: 'dkim-key-mismatch', guide: 'dns/dkim' },
    { code: 'ttl', guide: 'start/overview' },
  ] as const)('links $code to $guide, whatever the row', ({ code, guide }) => {
    for (const id of RECORD_IDS) expect(findingGuide(any(code, id))).toBe(guide);
  });

  it.each((['missing', 'wrong-value', 'weak-policy'] as const).flatMap((code) => RECORD_IDS.map((id) => ({ code, id }))))(
    'links $code on the $id row to the page about that record',
    ({ code, id }) => {
      expect(findingGuide(any(code, id))).toBe(RECORD_GUIDE[id]);
    },
  );

  it('sends every client CNAME row to the CNAME page', () => {
    expect([RECORD_GUIDE.mail, RECORD_GUIDE.imap, RECORD_GUIDE.smtp, RECORD_GUIDE.pop3]).toEqual(['dns/cname', 'dns/cname', 'dns/cname', 'dns/cname']);
  });

  const slugs = [...new Set(PROBLEM_CODES.flatMap((code) => RECORD_IDS.map((id) => findingGuide(any(code, id)))))].sort();
  it.each(slugs)('links %s, a page the site has in both languages', (slug) => {
    expect(pageExists(slug)).toBe(true);
  });
});
