/**
 * A domain set up correctly for the mainland Alibaba Mail profile, the records
 * the generator expects for it, and a way to run one record kind's check on a
 * zone changed by a patch — the shared ground of the checker tests. Checks run
 * through a run of the DoH client (`newRun`), the only answer cache.
 */
import { expect } from 'vitest';
import { createCheckContext } from '~/core/check/index';
import type { CheckContext, KindCheck } from '~/core/check/kind';
import { newRun } from '~/core/doh/run';
import type { QueryFn } from '~/core/doh/types';
import { buildExpectedRecords, type ExpectedArgs } from '~/core/expected';
import type { FindingParams, ProblemCode } from '~/core/findings/index';
import { getProviderOrDefault } from '~/core/providers/index';
import { splitTxt } from '~/core/records/txt';
import type { CheckStatus, ExpectedRecord, RecordCheck, Severity } from '~/core/types';
import { fakeDns, type FakeDns, type FakeEntry, type FakeZone } from './fake-dns';
import { RSA_2048_SPKI } from './keys';

export const D = 'example.com';
export const cn = getProviderOrDefault('aliyun-cn');

/** A DKIM key record as DNS holds it: split into character-strings. */
export const dkimTxt = (key: string): string[] => splitTxt(`v=DKIM1; k=rsa; p=${key}`);

/** Every record of the mainland profile, correct. */
export const GOOD: FakeZone = {
  [D]: {
    MX: [
      [5, 'mx1.qiye.aliyun.com'],
      [10, 'mx2.qiye.aliyun.com'],
      [15, 'mx3.qiye.aliyun.com'],
    ],
    TXT: ['v=spf1 include:spf.qiye.aliyun.com -all', 'google-site-verification=abc'],
  },
  'spf.qiye.aliyun.com': { TXT: ['v=spf1 ip4:203.0.113.0/24 -all'] },
  'spf.mxhichina.com': { TXT: ['v=spf1 ip4:198.51.100.0/24 -all'] },
  [`_dmarc.${D}`]: { TXT: ['v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com'] },
  [`default._domainkey.${D}`]: { TXT: [dkimTxt(RSA_2048_SPKI)] },
  [`mail.${D}`]: { CNAME: 'qiye.aliyun.com' },
  [`imap.${D}`]: { CNAME: 'imap.qiye.aliyun.com' },
  [`smtp.${D}`]: { CNAME: 'smtp.qiye.aliyun.com' },
  [`pop3.${D}`]: { CNAME: 'pop.qiye.aliyun.com' },
};

/** Names to replace in GOOD (null: the name does not exist). */
export type Patch = Readonly<Record<string, FakeEntry | null>>;

export function zoneWith(patch: Patch): FakeZone {
  const zone: FakeZone = { ...GOOD };
  for (const [name, entry] of Object.entries(patch)) {
    if (entry === null) delete zone[name];
    else zone[name] = entry;
  }
  return zone;
}

/** The domain's own entry with some types replaced. */
export const apex = (e: Partial<FakeEntry>): FakeEntry => ({ ...GOOD[D], ...e });

/** The records the generator expects for the domain (DMARC quarantine with a report address unless told otherwise). */
export function expectedFor(args: Partial<ExpectedArgs> = {}): ExpectedRecord[] {
  return buildExpectedRecords({ domain: D, provider: cn, dmarc: { policy: 'quarantine', rua: 'dmarc@example.com' }, ...args });
}

/** What a kind's check may use, over `query` (a run), as checkDomain gives it. */
export function contextFor(query: QueryFn, domain = D): CheckContext {
  return createCheckContext({ domain, provider: cn, query });
}

/**
 * One row, checked by its kind's module alone on the patched zone: the row's own
 * question is asked through a run, then handed to `kind.check`. `edit` changes
 * the expected record first (to show the check reads its data, not its text).
 */
export async function checkRow<R extends ExpectedRecord>(
  kind: KindCheck<R>,
  id: R['id'],
  patch: Patch = {},
  args: Partial<ExpectedArgs> = {},
  edit: (rec: R) => R = (rec) => rec,
): Promise<{ row: RecordCheck; dns: FakeDns }> {
  const found = expectedFor(args).find((r) => r.id === id);
  if (!found) throw new Error(`no expected ${id} record`);
  const rec = edit(found as R);
  const dns = fakeDns(zoneWith(patch));
  const ctx = contextFor(newRun(dns.query), args.domain ?? D);
  const own = await ctx.ask(rec.name, rec.type);
  if (!own.ok) throw new Error(`the row's own question failed (${own.code}): checkDomain handles that, not the kind`);
  return { row: await kind.check(rec, own.resp, ctx), dns };
}

/** A finding's code with the parameters its code takes (typed per code). */
export type CodeParams = { readonly [C in ProblemCode]: { readonly code: C; readonly params: FindingParams[C] } }[ProblemCode];

/** What a row of a check table says about one record. */
export interface RowSpec {
  readonly status: CheckStatus;
  /** Every finding of the row, in order, as (code, severity): nothing else may be there. */
  readonly findings: readonly (readonly [ProblemCode, Severity])[];
  /** The exact parameters of the row's main findings. */
  readonly params?: readonly CodeParams[];
}

/** Asserts the row's status, its exact list of findings, and the parameters given. */
export function expectRow(row: RecordCheck, spec: RowSpec): void {
  const detail = JSON.stringify(row.findings);
  expect(row.status, detail).toBe(spec.status);
  expect(
    row.findings.map((f) => [f.code, f.severity]),
    detail,
  ).toEqual(spec.findings.map(([c, s]) => [c, s]));
  for (const want of spec.params ?? []) {
    const got = row.findings.filter((f) => f.code === want.code);
    expect(got.length, `${want.code} in ${detail}`).toBeGreaterThan(0);
    expect(
      got.map((f) => f.params),
      detail,
    ).toContainEqual(want.params);
  }
  for (const f of row.findings) {
    expect(f.record).toBe(row.id);
    expect(f.name).toBe(row.name);
  }
}
