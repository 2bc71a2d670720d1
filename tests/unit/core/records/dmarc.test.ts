import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildDmarc,
  isDmarcRecord,
  normaliseRua,
  parseDmarc,
  policyFor,
  testingPolicy,
  weakerPolicy,
  type DmarcChoice,
  type DmarcDisposition,
  type DmarcErrorCode,
  type DmarcPolicySet,
  type DmarcRecord,
  type DmarcScope,
} from '~/core/records/dmarc';
import { DMARC_POLICIES, type DmarcPolicy } from '~/core/types';

describe('parseDmarc reads the RFC 9989 tags (§4.7, §4.8 Table 2)', () => {
  it('reads every tag of a full record', () => {
    const r = parseDmarc('v=DMARC1; p=quarantine; sp=reject; np=reject; psd=n; t=y; rua=mailto:a@example.com,mailto:b@example.net; ruf=mailto:f@example.com; adkim=s; aspf=r; fo=1:d');
    expect(r.errors).toEqual([]);
    expect(r.tags).toEqual({
      v: 'DMARC1',
      p: 'quarantine',
      sp: 'reject',
      np: 'reject',
      psd: 'n',
      t: 'y',
      rua: ['mailto:a@example.com', 'mailto:b@example.net'],
      ruf: ['mailto:f@example.com'],
      adkim: 's',
      aspf: 'r',
      fo: ['1', 'd'],
    });
    expect(r).toMatchObject({ ok: true, disposition: 'as-written', policy: { p: 'quarantine', sp: 'reject', np: 'reject' }, testing: true, removed: [], unknown: [], obsoleteSize: [] });
  });

  it('accepts spaces around tags, upper-case tag names and policy values, and a trailing semicolon', () => {
    const r = parseDmarc('  V = DMARC1 ;P = REJECT ;  T = N ; ');
    expect(r.ok).toBe(true);
    expect(r.tags).toMatchObject({ p: 'reject', t: 'n' });
    expect(r.testing).toBe(false);
  });

  it('keeps every tag as written, in order', () => {
    expect(parseDmarc('v=DMARC1; p=none; pct=50; x=1').raw).toEqual([
      { name: 'v', value: 'DMARC1' },
      { name: 'p', value: 'none' },
      { name: 'pct', value: '50' },
      { name: 'x', value: '1' },
    ]);
  });

  /** A record, and what is true of it (the parts of the result the row names). */
  type Row = {
    note: string;
    text: string;
    errors?: readonly DmarcErrorCode[];
    disposition?: DmarcDisposition;
    policy?: DmarcPolicySet | undefined;
    problem?: DmarcRecord['policyProblem'];
    removed?: DmarcRecord['removed'];
    unknown?: DmarcRecord['unknown'];
    obsoleteSize?: DmarcRecord['obsoleteSize'];
    testing?: boolean;
  };
  const rows: Row[] = [
    // --- §4.7 v: first, and DMARC1 exactly, or it is no DMARC record
    { note: 'a record without v= is not a DMARC record', text: 'p=none', errors: ['no-version'], disposition: 'not-dmarc', policy: undefined },
    { note: 'v= not first is not a DMARC record', text: 'p=none; v=DMARC1', errors: ['no-version'], disposition: 'not-dmarc', policy: undefined },
    { note: 'the wrong version is not a DMARC record', text: 'v=DMARC2; p=none', errors: ['no-version'], disposition: 'not-dmarc' },
    { note: 'DMARC1 in lower case is not a DMARC record (the value is case sensitive)', text: 'v=dmarc1; p=none', errors: ['no-version'], disposition: 'not-dmarc' },
    // --- §4.10.1: a record without a valid p
    { note: 'no p with a valid rua is treated as p=none', text: 'v=DMARC1; rua=mailto:a@example.com', errors: [], disposition: 'p-none', policy: { p: 'none' }, problem: { tag: 'p', missing: true } },
    { note: 'no p without rua gets no DMARC processing', text: 'v=DMARC1', errors: [], disposition: 'no-processing', policy: undefined, problem: { tag: 'p', missing: true } },
    { note: 'no p with only an invalid rua gets no DMARC processing', text: 'v=DMARC1; rua=dmarc@example.com', errors: ['invalid-uri'], disposition: 'no-processing', problem: { tag: 'p', missing: true } },
    { note: 'an unknown p with a valid rua is treated as p=none', text: 'v=DMARC1; p=block; rua=mailto:a@example.com', errors: ['invalid-policy'], disposition: 'p-none', policy: { p: 'none' }, problem: { tag: 'p', missing: false } },
    { note: 'an unknown p without rua gets no DMARC processing', text: 'v=DMARC1; p=block', errors: ['invalid-policy'], disposition: 'no-processing', policy: undefined },
    { note: 'an empty p is an invalid p', text: 'v=DMARC1; p=; rua=mailto:a@example.com', errors: ['malformed-tag'], disposition: 'p-none', problem: { tag: 'p', missing: true } },
    // --- §4.10.1: an invalid sp or np makes the whole record p=none (with rua) or nothing
    { note: 'an unknown sp with a valid rua makes the record p=none', text: 'v=DMARC1; p=reject; sp=drop; rua=mailto:a@example.com', errors: ['invalid-policy'], disposition: 'p-none', policy: { p: 'none' }, problem: { tag: 'sp', missing: false } },
    { note: 'an unknown np without rua gets no DMARC processing', text: 'v=DMARC1; p=reject; np=drop', errors: ['invalid-policy'], disposition: 'no-processing', problem: { tag: 'np', missing: false } },
    // --- the other tags: a wrong value is ignored in favour of the default (§4.8)
    { note: 't other than y or n is an error, and not testing', text: 'v=DMARC1; p=reject; t=yes', errors: ['invalid-testing'], disposition: 'as-written', policy: { p: 'reject' }, testing: false },
    { note: 'psd other than y, n or u is an error', text: 'v=DMARC1; p=reject; psd=maybe', errors: ['invalid-psd'], disposition: 'as-written' },
    { note: 'adkim spelled out is an error', text: 'v=DMARC1; p=none; adkim=strict', errors: ['invalid-alignment'] },
    { note: 'an unknown fo option is an error', text: 'v=DMARC1; p=none; fo=2', errors: ['invalid-fo'] },
    { note: 'fo with both 0 and 1 is an error', text: 'v=DMARC1; p=none; fo=0:1', errors: ['invalid-fo'] },
    { note: 'fo with an option twice is an error', text: 'v=DMARC1; p=none; fo=d:d', errors: ['invalid-fo'] },
    { note: 'rua without mailto: is an error', text: 'v=DMARC1; p=none; rua=dmarc@example.com', errors: ['invalid-uri'], disposition: 'as-written', policy: { p: 'none' } },
    { note: 'a tag twice is an error', text: 'v=DMARC1; p=none; p=reject', errors: ['duplicate-tag'], policy: { p: 'none' } },
    { note: 'a part without = is an error', text: 'v=DMARC1; p=none; quarantine', errors: ['malformed-tag'] },
    { note: 'a tag name with a digit is an error (1*ALPHA)', text: 'v=DMARC1; p=none; p2=reject', errors: ['malformed-tag'] },
    // --- removed tags (Appendix C.5.2): accepted, reported, ignored
    {
      note: 'pct, rf and ri are removed tags, not errors',
      text: 'v=DMARC1; p=quarantine; pct=50; rf=afrf; ri=86400',
      errors: [],
      disposition: 'as-written',
      policy: { p: 'quarantine' },
      removed: [
        { tag: 'pct', value: '50' },
        { tag: 'rf', value: 'afrf' },
        { tag: 'ri', value: '86400' },
      ],
    },
    { note: 'a pct that was never valid is still just a removed tag', text: 'v=DMARC1; p=none; pct=150', errors: [], removed: [{ tag: 'pct', value: '150' }] },
    // --- unknown tags are ignored (§4.7), kept for display
    { note: 'unknown tags are kept, not errors', text: 'v=DMARC1; p=reject; foo=bar; rua=mailto:a@example.com; x=y', errors: [], unknown: [{ name: 'foo', value: 'bar' }, { name: 'x', value: 'y' }] },
    // --- the obsolete !size suffix (§4.8 obs-dmarc-uri)
    {
      note: 'a report URI with !size is accepted as obsolete syntax',
      text: 'v=DMARC1; p=none; rua=mailto:a@example.com!10m,mailto:b@example.net',
      errors: [],
      obsoleteSize: [{ tag: 'rua', uri: 'mailto:a@example.com!10m' }],
    },
    // --- p need not follow v (RFC 9989)
    { note: 'p after other tags is fine', text: 'v=DMARC1; rua=mailto:a@example.com; p=reject', errors: [], disposition: 'as-written', policy: { p: 'reject' } },
  ];
  it.each(rows)('$note', (row) => {
    const r = parseDmarc(row.text);
    // Each part the row names (a row without it says nothing of it).
    if ('errors' in row) expect(r.errors.map((e) => e.code)).toEqual(row.errors);
    if ('disposition' in row) expect(r.disposition).toBe(row.disposition);
    if ('policy' in row) expect(r.policy).toEqual(row.policy);
    if ('problem' in row) expect(r.policyProblem).toEqual(row.problem);
    expect(r.removed).toEqual(row.removed ?? []);
    expect(r.unknown).toEqual(row.unknown ?? []);
    expect(r.obsoleteSize).toEqual(row.obsoleteSize ?? []);
    if ('testing' in row) expect(r.testing).toBe(row.testing);
  });

  it('keeps the valid report URIs without the size suffix', () => {
    expect(parseDmarc('v=DMARC1; p=none; rua=mailto:a@example.com!10m, mailto:b@example.net!5').tags.rua).toEqual(['mailto:a@example.com', 'mailto:b@example.net']);
  });

  it('never throws on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => void parseDmarc(s)), { numRuns: 1500 });
  }, 60_000);

  it.each([
    ['v=DMARC1; p=none', true],
    ['V=DMARC1;p=none', true],
    ['v = DMARC1', true],
    ['v=DMARC1', true],
    ['v=dmarc1;p=none', false],
    ['p=none; v=DMARC1', false],
    ['v=DMARC10; p=none', false],
    ['v=spf1 -all', false],
  ])('isDmarcRecord(%s) → %s', (text, expected) => {
    expect(isDmarcRecord(text)).toBe(expected);
  });
});

describe('the policy that applies (§4.7, §4.10.1)', () => {
  const set = (p: DmarcPolicy, sp?: DmarcPolicy, np?: DmarcPolicy): DmarcPolicySet => ({ p, ...(sp ? { sp } : {}), ...(np ? { np } : {}) });
  it.each([
    // the domain itself: p, whatever sp and np say
    { set: set('reject', 'none', 'none'), scope: 'p', want: { policy: 'reject', tag: 'p' } },
    // an existing subdomain: sp, else p
    { set: set('reject', 'quarantine'), scope: 'sp', want: { policy: 'quarantine', tag: 'sp' } },
    { set: set('reject'), scope: 'sp', want: { policy: 'reject', tag: 'p' } },
    { set: set('reject', undefined, 'none'), scope: 'sp', want: { policy: 'reject', tag: 'p' } },
    // a subdomain that does not exist: np, else sp, else p
    { set: set('none', 'quarantine', 'reject'), scope: 'np', want: { policy: 'reject', tag: 'np' } },
    { set: set('none', 'quarantine'), scope: 'np', want: { policy: 'quarantine', tag: 'sp' } },
    { set: set('none'), scope: 'np', want: { policy: 'none', tag: 'p' } },
  ] as { set: DmarcPolicySet; scope: DmarcScope; want: ReturnType<typeof policyFor> }[])('$scope of $set is $want.policy from $want.tag', ({ set: s, scope, want }) => {
    expect(policyFor(s, scope)).toEqual(want);
  });

  it.each([
    ['reject', 'quarantine'],
    ['quarantine', 'none'],
    ['none', 'none'],
  ] as const)('t=y applies %s as %s (one level lower)', (policy, applied) => {
    expect(testingPolicy(policy)).toBe(applied);
  });

  it('orders the policies none < quarantine < reject', () => {
    expect(weakerPolicy('none', 'quarantine')).toBe(true);
    expect(weakerPolicy('quarantine', 'reject')).toBe(true);
    expect(weakerPolicy('reject', 'reject')).toBe(false);
    expect(weakerPolicy('reject', 'none')).toBe(false);
  });
});

describe('buildDmarc', () => {
  it.each([
    // policy only
    [{ policy: 'none' }, 'v=DMARC1; p=none'],
    // a bare address becomes mailto:
    [{ policy: 'quarantine', rua: 'dmarc@example.com' }, 'v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com'],
    // several addresses, mailto: kept once
    [{ policy: 'reject', rua: 'mailto:a@example.com, b@example.com' }, 'v=DMARC1; p=reject; rua=mailto:a@example.com,mailto:b@example.com'],
    // sp and np when they differ from what applies without them
    [{ policy: 'quarantine', sp: 'reject', np: 'reject' }, 'v=DMARC1; p=quarantine; sp=reject'],
    [{ policy: 'quarantine', np: 'reject' }, 'v=DMARC1; p=quarantine; np=reject'],
    [{ policy: 'none', sp: 'quarantine', np: 'reject' }, 'v=DMARC1; p=none; sp=quarantine; np=reject'],
    // sp equal to p is not written
    [{ policy: 'reject', sp: 'reject' }, 'v=DMARC1; p=reject'],
    // testing is t=y, before the report address
    [{ policy: 'quarantine', testing: true, rua: 'd@example.com' }, 'v=DMARC1; p=quarantine; t=y; rua=mailto:d@example.com'],
    [{ policy: 'quarantine', testing: false }, 'v=DMARC1; p=quarantine'],
    // a semicolon in the address cannot break the record
    [{ policy: 'none', rua: 'a@example.com; p=reject' }, 'v=DMARC1; p=none; rua=mailto:a@example.com,mailto:p=reject'],
    // "!" (valid in an address; it began the old size suffix) is encoded, not dropped (§4.8)
    [{ policy: 'none', rua: 'a!b@example.com' }, 'v=DMARC1; p=none; rua=mailto:a%21b@example.com'],
    [{ policy: 'none', rua: '"a\\b"@example.com' }, 'v=DMARC1; p=none; rua=mailto:%22a%5Cb%22@example.com'],
  ] as [DmarcChoice, string][])('builds %j as %s', (choice, expected) => {
    expect(buildDmarc(choice)).toBe(expected);
  });

  it('never writes pct, whatever is passed', () => {
    const legacy = { policy: 'quarantine', pct: 25 } as DmarcChoice;
    expect(buildDmarc(legacy)).toBe('v=DMARC1; p=quarantine');
  });

  it('keeps an address with "!" as one valid report URI', () => {
    const r = parseDmarc(buildDmarc({ policy: 'none', rua: '!@a.aa' }));
    expect(r.errors).toEqual([]);
    expect(r.tags.rua).toEqual(['mailto:%21@a.aa']);
  });

  it.each(DMARC_POLICIES.flatMap((p) => DMARC_POLICIES.flatMap((sp) => DMARC_POLICIES.map((np) => ({ p, sp, np })))))(
    'builds p=$p sp=$sp np=$np that parses back to the same policies',
    ({ p, sp, np }) => {
      const r = parseDmarc(buildDmarc({ policy: p, sp, np, testing: true, rua: 'dmarc@example.com' }));
      expect(r.ok).toBe(true);
      expect(r.tags.v).toBe('DMARC1');
      expect(r.raw[1]).toEqual({ name: 'p', value: p });
      expect([policyFor(r.policy!, 'p').policy, policyFor(r.policy!, 'sp').policy, policyFor(r.policy!, 'np').policy]).toEqual([p, sp, np]);
      expect(r.testing).toBe(true);
    },
  );
});

describe('normaliseRua', () => {
  it.each([
    // a bare address becomes a mailto: URI
    { rua: 'dmarc@example.com', want: ['mailto:dmarc@example.com'], note: 'a bare address' },
    // mailto: in any case is kept once, in lower case
    { rua: 'MAILTO:dmarc@example.com', want: ['mailto:dmarc@example.com'], note: 'an upper-case mailto:' },
    // commas, full-width commas, semicolons and spaces all separate addresses
    { rua: 'a@example.com，b@example.com; c@example.com d@example.com', want: ['mailto:a@example.com', 'mailto:b@example.com', 'mailto:c@example.com', 'mailto:d@example.com'], note: 'every separator' },
    // a lone mailto: and empty parts are dropped
    { rua: ' mailto: , ,', want: [], note: 'nothing but separators and mailto:' },
  ])('reads $note', ({ rua, want }) => {
    expect(normaliseRua(rua)).toEqual(want);
  });
});
