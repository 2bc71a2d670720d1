import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildExpectedRecords, buildSpf, DKIM_PLACEHOLDER, needsConsoleValue, withSuggestions, type ExpectedArgs } from '~/core/expected';
import { getProvider, getProviderOrDefault, PROVIDERS } from '~/core/providers/index';
import type { ProviderProfile } from '~/core/providers/types';
import { parseDkim } from '~/core/records/dkim';
import { parseDmarc } from '~/core/records/dmarc';
import { dkimInputProblem, ruaInputProblem, spfSenderProblem } from '~/core/records/inputs';
import { parseSpf, spfIncludes } from '~/core/records/spf';
import type { CnameExpected, DkimExpected, DmarcExpected, ExpectedRecord, MxExpected, RecordId, SpfExpected } from '~/core/types';
import { RSA_2048_SPKI } from '../support/keys';

const cn = getProvider('aliyun-cn') as ProviderProfile;
const intl = getProvider('aliyun-intl') as ProviderProfile;
const base = { domain: 'example.com', dmarc: { policy: 'quarantine' as const, rua: 'dmarc@example.com' } };

const build = (args: Partial<ExpectedArgs> = {}): ExpectedRecord[] => buildExpectedRecords({ ...base, provider: cn, ...args });
const byId = (records: readonly ExpectedRecord[], id: RecordId): ExpectedRecord | undefined => records.find((r) => r.id === id);
const spfOf = (args: Partial<ExpectedArgs> = {}): SpfExpected | undefined => build(args).find((r): r is SpfExpected => r.kind === 'spf');
const dkimOf = (args: Partial<ExpectedArgs> = {}): DkimExpected | undefined => build(args).find((r): r is DkimExpected => r.kind === 'dkim');

describe('buildExpectedRecords', () => {
  it('builds the whole mainland record set, with the choices as data', () => {
    expect(build()).toEqual([
      {
        kind: 'mx',
        id: 'mx',
        type: 'MX',
        name: 'example.com',
        values: [
          { value: 'mx1.qiye.aliyun.com', priority: 5 },
          { value: 'mx2.qiye.aliyun.com', priority: 10 },
          { value: 'mx3.qiye.aliyun.com', priority: 15 },
        ],
        required: true,
        sets: cn.mx.sets,
        allowMix: true,
      },
      {
        kind: 'spf',
        id: 'spf',
        type: 'TXT',
        name: 'example.com',
        values: [{ value: 'v=spf1 include:spf.qiye.aliyun.com -all' }],
        required: true,
        providerIncludes: ['spf.qiye.aliyun.com', 'spf.mxhichina.com'],
        senderIncludes: [],
        extraSenders: [],
      },
      {
        kind: 'dkim',
        id: 'dkim',
        type: 'TXT',
        name: 'default._domainkey.example.com',
        values: [{ value: DKIM_PLACEHOLDER }],
        required: true,
        selector: 'default',
      },
      {
        kind: 'dmarc',
        id: 'dmarc',
        type: 'TXT',
        name: '_dmarc.example.com',
        values: [{ value: 'v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com' }],
        required: true,
        policy: 'quarantine',
        testing: false,
      },
      ...(['mail', 'imap', 'smtp', 'pop3'] as const).map((id) => ({
        kind: 'cname',
        id,
        type: 'CNAME',
        name: `${id}.example.com`,
        values: [{ value: id === 'mail' ? 'qiye.aliyun.com' : `${id === 'pop3' ? 'pop' : id}.qiye.aliyun.com` }],
        required: id === 'mail',
        target: id === 'mail' ? 'qiye.aliyun.com' : `${id === 'pop3' ? 'pop' : id}.qiye.aliyun.com`,
      })),
    ]);
  });

  it.each(PROVIDERS.map((p) => [p.id, p] as const))('builds MX, SPF, DMARC and CNAMEs from the %s profile', (_id, provider) => {
    const records = buildExpectedRecords({ ...base, provider });
    const mx = records.find((r): r is MxExpected => r.kind === 'mx');
    expect(mx).toMatchObject({ type: 'MX', name: 'example.com', required: true, sets: provider.mx.sets, allowMix: provider.mx.allowMix });
    expect(mx?.values).toEqual(provider.mx.sets[0]?.map((m) => ({ value: m.host, priority: m.priority })));
    expect(byId(records, 'spf')?.values).toEqual([{ value: `v=spf1 include:${provider.spf.include} -all` }]);
    expect(byId(records, 'dmarc')).toMatchObject({ type: 'TXT', name: '_dmarc.example.com', policy: 'quarantine' });
    for (const c of provider.cnames) {
      expect(byId(records, c.id)).toEqual({
        kind: 'cname',
        id: c.id,
        type: 'CNAME',
        name: `${c.label}.example.com`,
        values: [{ value: c.target }],
        required: c.required,
        target: c.target,
      });
    }
    expect(records.map((r) => r.id)).toEqual(['mx', 'spf', ...(provider.dkim ? ['dkim'] : []), 'dmarc', ...provider.cnames.map((c) => c.id)]);
  });

  it('carries the older mxhichina set as an accepted alternative for the mainland profile', () => {
    const mx = build().find((r): r is MxExpected => r.kind === 'mx');
    expect(mx?.sets[1]?.map((m) => m.host)).toEqual(['mxn.mxhichina.com', 'mxw.mxhichina.com']);
  });

  it('uses the ASCII name of an IDN domain, in normal form', () => {
    const records = build({ domain: 'XN--FSQU00A.xn--fiqs8s.' });
    expect(records.map((r) => r.name)).toEqual([
      'xn--fsqu00a.xn--fiqs8s',
      'xn--fsqu00a.xn--fiqs8s',
      'default._domainkey.xn--fsqu00a.xn--fiqs8s',
      '_dmarc.xn--fsqu00a.xn--fiqs8s',
      'mail.xn--fsqu00a.xn--fiqs8s',
      'imap.xn--fsqu00a.xn--fiqs8s',
      'smtp.xn--fsqu00a.xn--fiqs8s',
      'pop3.xn--fsqu00a.xn--fiqs8s',
    ]);
  });

  it('gives each CNAME its target in normal form', () => {
    const odd = { ...cn, cnames: [{ id: 'mail', label: 'mail', target: 'QIYE.Aliyun.com.', required: true }] } as const satisfies ProviderProfile;
    const mail = buildExpectedRecords({ ...base, provider: odd }).find((r): r is CnameExpected => r.kind === 'cname');
    expect(mail?.target).toBe('qiye.aliyun.com');
    expect(mail?.values).toEqual([{ value: 'QIYE.Aliyun.com.' }]);
  });
});

describe('the SPF record carries its required includes', () => {
  it.each([
    { note: 'the provider’s include and its equivalents', extraSpf: [], senderIncludes: [], extraSenders: [] },
    {
      note: 'a listed include: sender, in normal form',
      extraSpf: ['include:_SPF.Example.NET.'],
      senderIncludes: ['_spf.example.net'],
      extraSenders: ['include:_SPF.Example.NET.'],
    },
    { note: 'a bare domain as an include', extraSpf: [' mailgun.org '], senderIncludes: ['mailgun.org'], extraSenders: ['mailgun.org'] },
    { note: 'no include for an ip4: range', extraSpf: ['ip4:192.0.2.1'], senderIncludes: [], extraSenders: ['ip4:192.0.2.1'] },
    { note: 'each include once, empty items dropped', extraSpf: ['a.example.net', 'include:a.example.net', '', '  '], senderIncludes: ['a.example.net'], extraSenders: ['a.example.net', 'include:a.example.net'] },
  ])('$note', ({ extraSpf, senderIncludes, extraSenders }) => {
    expect(spfOf({ extraSpf })).toMatchObject({ providerIncludes: ['spf.qiye.aliyun.com', 'spf.mxhichina.com'], senderIncludes, extraSenders });
  });

  it('for a profile without equivalents, only its own include', () => {
    const spf = buildExpectedRecords({ ...base, provider: intl }).find((r): r is SpfExpected => r.kind === 'spf');
    expect(spf?.providerIncludes).toEqual(['spf.sg.aliyun.com']);
  });
});

describe('the SPF value', () => {
  it.each([
    // Other senders (a newsletter service, an office IP) stay authorised.
    { existing: 'v=spf1 include:servers.mcsv.net ip4:203.0.113.5 ~all', want: 'v=spf1 include:servers.mcsv.net ip4:203.0.113.5 include:spf.qiye.aliyun.com ~all' },
    // The previous mailbox provider's include is replaced, not kept beside the new one (migration).
    // When the old provider was the only sender, the new record is the provider's own (with -all).
    { existing: 'v=spf1 include:spf.mail.qq.com ~all', want: 'v=spf1 include:spf.qiye.aliyun.com -all' },
    { existing: 'v=spf1 include:_spf.google.com include:servers.mcsv.net -all', want: 'v=spf1 include:servers.mcsv.net include:spf.qiye.aliyun.com -all' },
    // Text that is not SPF is not merged into.
    { existing: 'google-site-verification=abc', want: 'v=spf1 include:spf.qiye.aliyun.com -all' },
  ])('merges into the existing SPF record $existing', ({ existing, want }) => {
    expect(spfOf({ existingSpf: existing })?.values).toEqual([{ value: want }]);
  });

  it.each([
    // DirectMail (a bare domain) and an IP as extra senders, in one record; empty items ignored.
    { extra: ['spf1.dm.aliyun.com', 'ip4:203.0.113.5', ''], want: 'v=spf1 include:spf.qiye.aliyun.com include:spf1.dm.aliyun.com ip4:203.0.113.5 -all' },
    // A sender already there is not added twice.
    { extra: ['include:spf.qiye.aliyun.com', 'IP4:203.0.113.5', 'ip4:203.0.113.5'], want: 'v=spf1 include:spf.qiye.aliyun.com IP4:203.0.113.5 -all' },
  ])('adds the extra senders $extra', ({ extra, want }) => {
    const spf = buildSpf(cn, undefined, extra);
    expect(spf).toBe(want);
    expect(parseSpf(spf).ok).toBe(true);
  });

  it('keeps an existing mxhichina include instead of adding a second one', () => {
    expect(spfIncludes(parseSpf(buildSpf(cn, 'v=spf1 include:spf.mxhichina.com -all')))).toEqual(['spf.mxhichina.com']);
  });

  it('gives the same value in the record as buildSpf', () => {
    const existingSpf = 'v=spf1 include:servers.mcsv.net ~all';
    const extraSpf = ['mailgun.org'];
    expect(spfOf({ existingSpf, extraSpf })?.values[0]?.value).toBe(buildSpf(cn, existingSpf, extraSpf));
  });
});

describe('the DKIM record', () => {
  it('is a placeholder without a key until one is pasted, and never an invented key', () => {
    const dkim = dkimOf();
    expect(dkim).toMatchObject({ name: 'default._domainkey.example.com', required: true, selector: 'default' });
    expect(dkim && 'key' in dkim).toBe(false);
    expect(dkim?.values).toEqual([{ value: DKIM_PLACEHOLDER }]);
    expect(parseDkim(DKIM_PLACEHOLDER).ok).toBe(false);
  });

  const record = `v=DKIM1; k=rsa; p=${RSA_2048_SPKI}`;
  it.each([
    { note: 'the value as shown', pasted: record, shown: record },
    { note: 'split into quoted strings', pasted: `"v=DKIM1; k=rsa; " "p=${RSA_2048_SPKI}"`, shown: record },
    { note: 'the bare key', pasted: `  ${RSA_2048_SPKI}\n`, shown: record },
    // A line break becomes a space: folding white space, which DKIM allows inside p= (RFC 6376 §3.2).
    {
      note: 'with line breaks in the key',
      pasted: `v=DKIM1; k=rsa;\n p=${RSA_2048_SPKI.slice(0, 100)}\n${RSA_2048_SPKI.slice(100)}`,
      shown: `v=DKIM1; k=rsa; p=${RSA_2048_SPKI.slice(0, 100)} ${RSA_2048_SPKI.slice(100)}`,
    },
  ])('carries the key pasted as $note, and shows the value tidied', ({ pasted, shown }) => {
    const dkim = dkimOf({ dkimKey: pasted });
    expect(dkim?.key).toBe(RSA_2048_SPKI);
    expect(dkim?.values).toEqual([{ value: shown }]);
  });

  it.each([
    { note: 'nothing', pasted: '' },
    { note: 'only spaces', pasted: '  \n ' },
  ])('treats $note as not pasted', ({ pasted }) => {
    expect(dkimOf({ dkimKey: pasted })?.values).toEqual([{ value: DKIM_PLACEHOLDER }]);
  });

  it('carries no key when the pasted text has none, but shows what was pasted', () => {
    const dkim = dkimOf({ dkimKey: 'v=DKIM1; k=rsa' });
    expect(dkim && 'key' in dkim).toBe(false);
    expect(dkim?.values).toEqual([{ value: 'v=DKIM1; k=rsa' }]);
  });

  it('is left out when the profile publishes no selector', () => {
    expect(byId(buildExpectedRecords({ ...base, provider: intl }), 'dkim')).toBeUndefined();
  });
});

describe('the DMARC record', () => {
  it.each(['none', 'quarantine', 'reject'] as const)('carries the chosen policy %s and writes it', (policy) => {
    const dmarc = build({ dmarc: { policy, rua: 'r@example.com' } }).find((r): r is DmarcExpected => r.kind === 'dmarc');
    expect(dmarc?.policy).toBe(policy);
    expect(parseDmarc(dmarc?.values[0]?.value ?? '').tags).toMatchObject({ p: policy, rua: ['mailto:r@example.com'] });
  });

  it.each([
    // sp and np as chosen, and written
    { choice: { policy: 'none', sp: 'quarantine', np: 'reject', testing: true }, carries: { policy: 'none', sp: 'quarantine', np: 'reject', testing: true }, value: 'v=DMARC1; p=none; sp=quarantine; np=reject; t=y' },
    // a choice that changes nothing is neither carried nor written
    { choice: { policy: 'reject', sp: 'reject', np: 'reject' }, carries: { policy: 'reject', testing: false }, value: 'v=DMARC1; p=reject' },
    // np equal to sp is left to sp
    { choice: { policy: 'none', sp: 'reject', np: 'reject' }, carries: { policy: 'none', sp: 'reject', testing: false }, value: 'v=DMARC1; p=none; sp=reject' },
  ] as const)('carries the choices $carries as data, and writes $value', ({ choice, carries, value }) => {
    const dmarc = build({ dmarc: choice }).find((r): r is DmarcExpected => r.kind === 'dmarc');
    const { policy, sp, np, testing } = dmarc ?? {};
    expect(Object.fromEntries(Object.entries({ policy, sp, np, testing }).filter(([, v]) => v !== undefined))).toEqual(carries);
    expect(dmarc?.values[0]?.value).toBe(value);
  });
});

describe('needsConsoleValue', () => {
  it.each([
    { note: 'the DKIM placeholder needs the console', rec: () => dkimOf(), needs: true },
    { note: 'a pasted DKIM key does not', rec: () => dkimOf({ dkimKey: RSA_2048_SPKI }), needs: false },
    { note: 'a pasted value without a key does not (it is what the reader gave)', rec: () => dkimOf({ dkimKey: 'v=DKIM1; k=rsa' }), needs: false },
    ...(['mx', 'spf', 'dmarc', 'mail'] as const).map((id) => ({ note: `the ${id} record does not`, rec: () => byId(build(), id), needs: false })),
  ])('$note', ({ rec, needs }) => {
    const r = rec();
    expect(r).toBeDefined();
    if (r) expect(needsConsoleValue(r)).toBe(needs);
  });
});

describe('withSuggestions', () => {
  const expected = build();

  it('puts a row’s suggestion in place of the generated value, and keeps the rest of the record', () => {
    const out = withSuggestions(expected, [{ id: 'spf', suggestion: 'v=spf1 include:a.example.net include:spf.qiye.aliyun.com -all' }]);
    const spf = out.find((r): r is SpfExpected => r.kind === 'spf');
    const before = expected.find((r): r is SpfExpected => r.kind === 'spf');
    expect(spf).toEqual({ ...before, values: [{ value: 'v=spf1 include:a.example.net include:spf.qiye.aliyun.com -all' }] });
    // The other records are the same objects.
    expect(out.filter((r) => r.id !== 'spf')).toEqual(expected.filter((r) => r.id !== 'spf'));
    out.forEach((r, i) => {
      if (r.id !== 'spf') expect(r).toBe(expected[i]);
    });
  });

  it.each([
    { note: 'no results', results: [] },
    { note: 'results without a suggestion', results: [{ id: 'spf' as const }, { id: 'mx' as const }] },
    { note: 'a suggestion for a row that is not expected', results: [{ id: 'spf' as const }, { id: 'pop3' as const, suggestion: 'x' }] },
  ])('returns the records as they are with $note', ({ results }) => {
    const subset = expected.filter((r) => r.id !== 'pop3');
    const out = withSuggestions(subset, results);
    expect(out).toHaveLength(subset.length);
    out.forEach((r, i) => expect(r).toBe(subset[i]));
  });

  it('does not change the records it is given', () => {
    const copy = structuredClone(expected);
    withSuggestions(expected, [{ id: 'spf', suggestion: 'v=spf1 -all' }]);
    expect(expected).toEqual(copy);
  });
});

describe('the generator with what the input checks let through', () => {
  const provider = getProviderOrDefault(undefined);

  it('makes an SPF, DMARC and DKIM record that parse without errors', () => {
    const spfItem = fc.oneof(
      fc.constantFrom('spf1.dm.aliyun.com', 'include:_spf.google.com', 'ip4:192.0.2.1', 'mx', '~all', 'x=y'),
      fc.string({ unit: 'binary-ascii', maxLength: 30 }),
    );
    const ruaItem = fc.oneof(fc.emailAddress(), fc.string({ unit: 'binary-ascii', maxLength: 30 }));
    const dkim = fc.oneof(
      fc.constant(`v=DKIM1; k=rsa; p=${RSA_2048_SPKI}`),
      fc.constant(RSA_2048_SPKI),
      fc.string({ unit: 'binary-ascii', maxLength: 80 }),
    );
    fc.assert(
      fc.property(fc.array(spfItem, { maxLength: 4 }), fc.array(ruaItem, { maxLength: 3 }), dkim, (spfItems, ruaItems, key) => {
        const extra = spfItems.join(' ');
        const rua = ruaItems.join(',');
        const records = buildExpectedRecords({
          domain: 'example.com',
          provider,
          dkimKey: dkimInputProblem(key) === undefined ? key : undefined,
          dmarc: { policy: 'quarantine', rua: ruaInputProblem(rua) === undefined ? rua : undefined },
          extraSpf: extra.split(/[\s,]+/).filter((i) => i !== '' && spfSenderProblem(i) === undefined),
        });
        const value = (id: RecordId) => byId(records, id)?.values[0]?.value ?? '';
        expect(parseSpf(value('spf')).errors).toEqual([]);
        expect(parseDmarc(value('dmarc')).errors).toEqual([]);
        const dkimRow = records.find((r): r is DkimExpected => r.kind === 'dkim');
        if (dkimRow && !needsConsoleValue(dkimRow)) {
          expect(parseDkim(value('dkim')).errors).toEqual([]);
          expect(dkimRow.key).toBe(parseDkim(value('dkim')).tags.p);
        }
      }),
      { numRuns: 1500 },
    );
  }, 60_000);
});
