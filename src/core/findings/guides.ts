/**
 * The guide page that explains each finding: a page slug (zh at the root,
 * English under en/; the view adds the locale and base path). Language-free,
 * so the message files hold only text.
 */
import type { RecordId } from '../types';
import type { Finding, ProblemCode } from './index';

/** The page about each record. */
export const RECORD_GUIDE: { readonly [R in RecordId]: string } = {
  mx: 'dns/mx',
  spf: 'dns/spf',
  dkim: 'dns/dkim',
  dmarc: 'dns/dmarc',
  mail: 'dns/cname',
  imap: 'dns/cname',
  smtp: 'dns/cname',
  pop3: 'dns/cname',
};

const byRecord = (f: Finding): string => RECORD_GUIDE[f.record];

const GUIDES: { readonly [C in ProblemCode]: string | ((f: Finding) => string) } = {
  missing: byRecord,
  'wrong-value': byRecord,
  'multiple-spf': 'dns/spf',
  'spf-lookup-limit': 'dns/spf',
  'spf-void-limit': 'dns/spf',
  'spf-mx-limit': 'dns/spf',
  'spf-syntax': 'dns/spf',
  'spf-loop': 'dns/spf',
  'spf-include-missing': 'dns/spf',
  'spf-broken-include': 'dns/spf',
  'foreign-mx': 'start/migrate',
  'mixed-mx': 'dns/mx',
  'cname-conflict': 'dns/cname',
  'wrong-name': 'dns/setup',
  nxdomain: 'troubleshooting/not-receiving',
  'resolver-error': 'tools/propagation',
  'weak-policy': byRecord,
  'dmarc-syntax': 'dns/dmarc',
  'dmarc-removed-tag': 'dns/dmarc',
  'dmarc-testing': 'dns/dmarc',
  'dmarc-unknown-tag': 'dns/dmarc',
  'dmarc-report-size': 'dns/dmarc',
  'dmarc-covered': 'dns/dmarc',
  'dkim-syntax': 'dns/dkim',
  'dkim-revoked': 'dns/dkim',
  'dkim-testing': 'dns/dkim',
  'dkim-weak-key': 'dns/dkim',
  'dkim-key-mismatch': 'dns/dkim',
  ttl: 'start/overview',
};

/** The guide page slug for a finding. */
export function findingGuide(f: Finding): string {
  const g = GUIDES[f.code];
  return typeof g === 'string' ? g : g(f);
}
