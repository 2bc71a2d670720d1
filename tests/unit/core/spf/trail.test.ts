// spfDecidingPath (src/core/spf/trail.ts): the terms that decided a result,
// read from trails written out by hand in the shape evaluateSpf returns.
import { describe, expect, it } from 'vitest';
import { spfDecidingPath } from '~/core/spf/trail';
import type { SpfTrailRecord, SpfTrailTerm } from '~/core/spf/types';

const term = (t: string, outcome: SpfTrailTerm['outcome'], more: Partial<SpfTrailTerm> = {}): SpfTrailTerm => ({
  term: t,
  kind: (t.replace(/^[-+~?]/, '').split(/[:=/]/)[0] ?? 'all') as SpfTrailTerm['kind'],
  outcome,
  lookups: [],
  ...more,
});
const record = (domain: string, result: SpfTrailRecord['result'], terms: SpfTrailTerm[], via: SpfTrailRecord['via'] = 'check'): SpfTrailRecord => ({
  domain,
  via,
  result,
  terms,
  ...(terms.length > 0 ? { record: `v=spf1 ${terms.map((x) => x.term).join(' ')}` } : {}),
});

const provider = record('spf.example.net', 'pass', [term('ip4:192.0.2.0/24', 'match')], 'include');
const rows: { what: string; root: SpfTrailRecord | undefined; path: string[] }[] = [
  // Nothing was evaluated: the domain has no record.
  { what: 'no record', root: undefined, path: [] },
  { what: 'a record found with no terms (none, permerror before any term)', root: record('example.com', 'none', []), path: [] },
  // The last term is the one evaluation stopped at.
  { what: 'a match in the checked record', root: record('example.com', 'pass', [term('a', 'no-match'), term('ip4:198.51.100.1', 'match')]), path: ['example.com ip4:198.51.100.1'] },
  { what: 'the closing all', root: record('example.com', 'fail', [term('a', 'no-match'), term('-all', 'match')]), path: ['example.com -all'] },
  // An include that passed: the include, then the term that matched inside it.
  {
    what: 'a match inside an include',
    root: record('example.com', 'pass', [term('mx', 'no-match'), term('include:spf.example.net', 'match', { child: provider })]),
    path: ['example.com include:spf.example.net', 'spf.example.net ip4:192.0.2.0/24'],
  },
  // Two levels of include.
  {
    what: 'a match two includes down',
    root: record('example.com', 'pass', [
      term('include:one.example.com', 'match', { child: record('one.example.com', 'pass', [term('include:spf.example.net', 'match', { child: provider })], 'include') }),
    ]),
    path: ['example.com include:one.example.com', 'one.example.com include:spf.example.net', 'spf.example.net ip4:192.0.2.0/24'],
  },
  // A followed redirect: the redirect, then what decided in the record it named.
  {
    what: 'a redirect',
    root: record('example.com', 'softfail', [term('redirect=_spf.example.com', 'match', { kind: 'redirect', child: record('_spf.example.com', 'softfail', [term('~all', 'match')], 'redirect') })]),
    path: ['example.com redirect=_spf.example.com', '_spf.example.com ~all'],
  },
  // An error stops evaluation at the term that caused it, wherever it is.
  {
    what: 'a temperror inside an include',
    root: record('example.com', 'temperror', [term('include:spf.example.net', 'temperror', { child: record('spf.example.net', 'temperror', [term('a:down.example.net', 'temperror')], 'include') })]),
    path: ['example.com include:spf.example.net', 'spf.example.net a:down.example.net'],
  },
  { what: 'an include of a domain without a record', root: record('example.com', 'permerror', [term('include:none.example', 'permerror', { child: record('none.example', 'none', [], 'include') })]), path: ['example.com include:none.example'] },
  // No term matched and there is no redirect: the default neutral is no term's doing.
  { what: 'no term matched', root: record('example.com', 'neutral', [term('a', 'no-match'), term('mx', 'no-match')]), path: [] },
];

describe('the terms that decided an SPF result', () => {
  it.each(rows)('$what', ({ root, path }) => {
    expect(spfDecidingPath(root).map((s) => `${s.record.domain} ${s.term.term}`)).toEqual(path);
  });
});
