/**
 * Compare what DNS says with the expected records, by meaning: names and hosts
 * without regard to case or the trailing dot, TXT strings joined, exactly one
 * SPF record with the provider's include somewhere in its tree, other senders
 * allowed. Every independent question goes out at once; each row is reported
 * through `onUpdate` as soon as it is final. A resolver failure makes the row
 * `error` (we do not know), never `missing`. Everything read from DNS is
 * untrusted text: it ends up only in `observed` and in finding params.
 */
import type { DnsResponse, QueryFn, RRType } from '../doh/types';
import { errorCode, recordsOf, toOutcome, type Outcome, type RecordOf } from './dns';
import { recogniseProvider } from '../providers/index';
import type { ProviderProfile } from '../providers/types';
import { isDkimRecord, parseDkim } from '../records/dkim';
import { isDmarcRecord, parseDmarc } from '../records/dmarc';
import { isSpfRecord, normaliseDomainName, parseSpf } from '../records/spf';
import { joinTxt } from '../records/txt';
import type { DmarcPolicy, ExpectedRecord, Finding, ProblemCode, RecordCheck, RecordId, Severity } from '../types';
import { expandSpf } from './spf-expand';
import { addSpfTreeFindings, statusOf } from './spf-verdict';

export interface CheckArgs {
  /** ASCII (punycode) domain. */
  readonly domain: string;
  readonly expected: readonly ExpectedRecord[];
  readonly provider: ProviderProfile;
  readonly query: QueryFn;
  readonly signal?: AbortSignal | undefined;
  /** Called once per row, as soon as that row is final (not after an abort). */
  readonly onUpdate?: ((r: RecordCheck) => void) | undefined;
}

interface Asker {
  /** The answer as an Outcome (never rejects). */
  (name: string, type: RRType): Promise<Outcome>;
  /** The same cached questions as a QueryFn, for the SPF expansion to share. */
  readonly raw: QueryFn;
}

/** The same question asked twice in one run goes out once. */
function memoQuery(query: QueryFn, signal: AbortSignal | undefined): Asker {
  const rawCache = new Map<string, Promise<DnsResponse>>();
  const cache = new Map<string, Promise<Outcome>>();
  const raw = (name: string, type: RRType): Promise<DnsResponse> => {
    const key = `${name.toLowerCase()}|${type}`;
    let p = rawCache.get(key);
    if (!p) {
      try {
        p = query(name, type, signal);
      } catch (e) {
        p = Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
      rawCache.set(key, p);
    }
    return p;
  };
  const ask = (name: string, type: RRType): Promise<Outcome> => {
    const key = `${name.toLowerCase()}|${type}`;
    let p = cache.get(key);
    if (!p) {
      p = raw(name, type).then(toOutcome, (e: unknown): Outcome => ({ ok: false, code: errorCode(e) }));
      cache.set(key, p);
    }
    return p;
  };
  return Object.assign(ask, { raw: (name: string, type: RRType) => raw(name, type) });
}

function txtsOf(resp: DnsResponse): { text: string; ttl: number }[] {
  return recordsOf(resp, 'TXT').map((r) => ({ text: joinTxt(r.data), ttl: r.ttl }));
}

/** How long a resolver may cache "no such record": the SOA minimum (RFC 2308). */
function negativeTtl(resp: DnsResponse): number | undefined {
  const soa = resp.authority.find((r): r is RecordOf<'SOA'> => r.type === 'SOA');
  return soa ? Math.min(soa.ttl, soa.data.minimum) : undefined;
}

function minTtl(records: readonly { ttl: number }[]): number | undefined {
  return records.length === 0 ? undefined : Math.min(...records.map((r) => r.ttl));
}

const same = (a: string, b: string): boolean => normaliseDomainName(a) === normaliseDomainName(b);

const POLICY_RANK: Record<DmarcPolicy, number> = { none: 0, quarantine: 1, reject: 2 };

/** Collects the findings of one row. */
class Row {
  readonly findings: Finding[] = [];
  observed: string[] = [];
  ttl: number | undefined;
  negative = false;

  constructor(
    readonly id: RecordId,
    readonly name: string,
  ) {}

  add(code: ProblemCode, severity: Severity, params: Record<string, string | number> = {}): this {
    this.findings.push({ code, severity, params: { record: this.id, name: this.name, ...params } });
    return this;
  }

  done(): RecordCheck {
    const status = statusOf(this.findings);
    if ((status === 'fail' || status === 'warn') && this.ttl !== undefined) {
      this.add('ttl', 'info', { seconds: this.ttl, kind: this.negative ? 'negative' : 'positive' });
    }
    return {
      id: this.id,
      status,
      name: this.name,
      observed: this.observed,
      ...(this.ttl === undefined ? {} : { ttl: this.ttl }),
      findings: this.findings,
    };
  }
}

/** The include: targets of an SPF record (without macros), normalised. */
function spfIncludes(record: string): string[] {
  return parseSpf(record)
    .terms.filter((t) => t.kind === 'mechanism' && t.mechanism === 'include' && t.domain !== undefined && !t.hasMacro)
    .map((t) => normaliseDomainName((t as { domain: string }).domain));
}

/** Run every check; resolves with one RecordCheck per expected record, in order. Never rejects. */
export async function checkDomain(args: CheckArgs): Promise<RecordCheck[]> {
  const domain = normaliseDomainName(args.domain);
  const { expected, provider, signal } = args;
  const ask = memoQuery(args.query, signal);
  const has = (id: RecordId): boolean => expected.some((r) => r.id === id);
  const doubled = (name: string): string => `${name}.${domain}`;

  // --- Every question that does not depend on another answer, at once. ---
  const txtApex = ask(domain, 'TXT');
  const mxApex = has('mx') ? ask(domain, 'MX') : undefined;
  const primary = new Map<RecordId, Promise<Outcome>>();
  const probe = new Map<RecordId, Promise<Outcome>>();
  for (const r of expected) {
    primary.set(
      r.id,
      r.name === domain && r.type === 'TXT' ? txtApex : r.id === 'mx' && mxApex ? mxApex : ask(r.name, r.type),
    );
    // The same record typed with the full name in a console that appends the domain
    // (asked for the records mail depends on; the optional client CNAMEs are not worth the questions).
    if (r.required) probe.set(r.id, ask(doubled(r.name), r.type));
  }
  const wwwTxt = has('spf') ? ask(`www.${domain}`, 'TXT') : undefined;
  // The includes the expected SPF record names (the provider's, the user's other senders)
  // are what the published record almost always names too: asked now, with the first
  // questions, the expansion finds their answers on the way instead of waiting a round trip.
  const expectedSpfRec = expected.find((r) => r.id === 'spf');
  const expectedIncludes = spfIncludes(expectedSpfRec?.values[0]?.value ?? '');
  for (const inc of expectedIncludes) ask.raw(inc, 'TXT').catch(() => undefined);

  /** The domain itself does not exist. */
  const apexNx = (async () => {
    const outcomes = await Promise.all([txtApex, mxApex ?? txtApex]);
    return outcomes.some((o) => o.ok && o.resp.rcode === 'NXDOMAIN');
  })();

  const probeFound = async (id: RecordId, match: (resp: DnsResponse) => boolean): Promise<boolean> => {
    const o = await probe.get(id);
    return !!o && o.ok && o.resp.rcode === 'NOERROR' && match(o.resp);
  };

  /** Shared start of every row: resolver failure, NXDOMAIN of the domain. Returns the answer, or the finished row. */
  const begin = async (row: Row, id: RecordId, type: RRType): Promise<DnsResponse | RecordCheck> => {
    const o = await (primary.get(id) ?? ask(row.name, type));
    if (!o.ok) return row.add('resolver-error', 'error', { type, code: o.code }).done();
    if (await apexNx) {
      row.negative = true;
      row.ttl = negativeTtl(o.resp);
      return row.add('nxdomain', 'fail', { domain }).done();
    }
    return o.resp;
  };

  const checkMx = async (rec: ExpectedRecord): Promise<RecordCheck> => {
    const row = new Row('mx', rec.name);
    const resp = await begin(row, 'mx', 'MX');
    if (!('answers' in resp)) return resp;
    const cname = recordsOf(resp, 'CNAME').find((r) => same(r.name, rec.name));
    if (cname) row.add('cname-conflict', 'fail', { target: normaliseDomainName(cname.data) });
    const mx = recordsOf(resp, 'MX');
    row.observed = mx.map((r) => `${r.data.preference} ${normaliseDomainName(r.data.exchange) || '.'}`);
    if (mx.length === 0) {
      row.negative = true;
      row.ttl = negativeTtl(resp);
      if (await probeFound('mx', (p) => recordsOf(p, 'MX').length > 0))
        row.add('wrong-name', 'fail', { found: doubled(rec.name), expected: rec.name });
      else row.add('missing', 'fail', { expected: rec.values.map((v) => v.value).join(', ') });
      return row.done();
    }
    row.ttl = minTtl(mx);
    const sets = [rec.values, ...(rec.alternatives ?? [])].map((set) => set.map((v) => normaliseDomainName(v.value)));
    const ourHosts = new Set(sets.flat());
    const hosts = [...new Set(mx.map((r) => normaliseDomainName(r.data.exchange)))];
    const ours = hosts.filter((h) => ourHosts.has(h));
    const others = hosts.filter((h) => !ourHosts.has(h));
    const recognised = recogniseProvider(others);
    const unknown = others.filter((h) => !recognised.some((p) => p.hosts.includes(h)));
    const expectedList = rec.values.map((v) => v.value).join(', ');
    if (ours.length === 0) {
      for (const p of recognised) row.add('foreign-mx', 'fail', { provider: p.id, hosts: p.hosts.join(', ') });
      if (unknown.length > 0)
        row.add('wrong-value', 'fail', { observed: unknown.map((h) => h || '.').join(', '), expected: expectedList });
      return row.done();
    }
    if (others.length > 0) {
      for (const p of recognised) row.add('mixed-mx', 'fail', { provider: p.id, hosts: p.hosts.join(', ') });
      if (unknown.length > 0)
        row.add('mixed-mx', 'fail', { provider: '', hosts: unknown.map((h) => h || '.').join(', ') });
      return row.done();
    }
    const fullSet = sets.some((set) => set.every((h) => ours.includes(h)));
    const withinOneSet = sets.some((set) => ours.every((h) => set.includes(h)));
    if (!fullSet && (ours.length < 2 || !(provider.mx.allowMix || withinOneSet))) {
      const missing = (sets[0] ?? []).filter((h) => !ours.includes(h));
      row.add('wrong-value', 'warn', {
        observed: ours.join(', '),
        expected: expectedList,
        missing: missing.join(', '),
      });
    }
    return row.done();
  };

  const checkSpf = async (rec: ExpectedRecord): Promise<RecordCheck> => {
    const row = new Row('spf', rec.name);
    const resp = await begin(row, 'spf', 'TXT');
    if (!('answers' in resp)) return resp;
    const cname = recordsOf(resp, 'CNAME').find((r) => same(r.name, rec.name));
    if (cname && rec.name === domain) row.add('cname-conflict', 'fail', { target: normaliseDomainName(cname.data) });
    const txts = txtsOf(resp);
    const spfs = txts.filter((t) => isSpfRecord(t.text));
    row.observed = spfs.map((t) => t.text);
    if (spfs.length === 0) {
      row.negative = true;
      row.ttl = negativeTtl(resp) ?? minTtl(txts);
      const near = txts.find((t) => /^\s*v\s*=\s*spf/i.test(t.text) || /^\s*spf1\b/i.test(t.text));
      const www = wwwTxt ? await wwwTxt : undefined;
      if (near) {
        row.observed = [near.text];
        const err = parseSpf(near.text).errors[0];
        row.add('spf-syntax', 'fail', {
          domain: rec.name,
          term: err?.term ?? near.text.slice(0, 20),
          reason: err?.code ?? 'no-version',
          offset: err?.start ?? 0,
        });
      } else if (www?.ok && www.resp.rcode === 'NOERROR' && txtsOf(www.resp).some((t) => isSpfRecord(t.text))) {
        row.add('wrong-name', 'fail', { found: `www.${domain}`, expected: rec.name });
      } else if (await probeFound('spf', (p) => txtsOf(p).some((t) => isSpfRecord(t.text)))) {
        row.add('wrong-name', 'fail', { found: doubled(rec.name), expected: rec.name });
      } else {
        row.add('missing', 'fail', { expected: rec.values[0]?.value ?? '' });
      }
      return row.done();
    }
    row.ttl = minTtl(spfs);
    if (spfs.length > 1) {
      row.add('multiple-spf', 'fail', { count: spfs.length });
      return row.done();
    }
    const text = spfs[0]?.text ?? '';

    // Which includes are required: those of the expected record; the provider's may be replaced by an equivalent.
    const providerGroup = [provider.spf.include, ...provider.spf.equivalents].map(normaliseDomainName);
    const required = rec === expectedSpfRec ? expectedIncludes : spfIncludes(rec.values[0]?.value ?? '');

    const expansion = await expandSpf(domain, ask.raw, { signal, rootRecord: text });
    const reachable = new Set(expansion.includes);
    for (const inc of required) {
      const group = providerGroup.includes(inc) ? providerGroup : [inc];
      if (!group.some((g) => reachable.has(g))) row.add('spf-include-missing', 'fail', { include: inc });
    }
    addSpfTreeFindings(expansion, text, (code, severity, params) => row.add(code, severity, params));
    return row.done();
  };

  const checkDkim = async (rec: ExpectedRecord): Promise<RecordCheck> => {
    const row = new Row('dkim', rec.name);
    const resp = await begin(row, 'dkim', 'TXT');
    if (!('answers' in resp)) return resp;
    const txts = txtsOf(resp);
    const keys = txts.filter((t) => isDkimRecord(t.text));
    row.observed = keys.map((t) => t.text);
    if (keys.length === 0 && txts.length > 0) {
      // Something is published at the selector, just not a key: say what is there.
      row.observed = txts.map((t) => t.text);
      row.ttl = minTtl(txts);
      row.add('dkim-syntax', 'fail', { reason: 'not-dkim' });
      return row.done();
    }
    if (keys.length === 0) {
      row.negative = true;
      row.ttl = negativeTtl(resp) ?? minTtl(txts);
      if (await probeFound('dkim', (p) => txtsOf(p).some((t) => isDkimRecord(t.text))))
        row.add('wrong-name', 'fail', { found: doubled(rec.name), expected: rec.name });
      else row.add('missing', 'fail', { consoleValue: rec.needsConsoleValue ? 1 : 0 });
      return row.done();
    }
    row.ttl = minTtl(keys);
    if (keys.length > 1) row.add('dkim-syntax', 'fail', { reason: 'multiple', count: keys.length });
    const parsed = parseDkim(keys[0]?.text ?? '');
    for (const e of parsed.errors) row.add('dkim-syntax', 'fail', { reason: e.code, tag: e.tag ?? '' });
    if (parsed.keyBits !== undefined && parsed.tags.k === 'rsa') {
      if (parsed.keyBits < 1024) row.add('dkim-weak-key', 'fail', { bits: parsed.keyBits });
      else if (parsed.keyBits < 2048) row.add('dkim-weak-key', 'warn', { bits: parsed.keyBits });
    }
    if (!rec.needsConsoleValue) {
      const want = parseDkim(rec.values[0]?.value ?? '').tags.p;
      const have = parsed.tags.p;
      if (want && have !== undefined && want !== have)
        row.add('dkim-key-mismatch', 'fail', { expected: shorten(want), observed: shorten(have) });
    }
    return row.done();
  };

  const checkDmarc = async (rec: ExpectedRecord): Promise<RecordCheck> => {
    const row = new Row('dmarc', rec.name);
    const resp = await begin(row, 'dmarc', 'TXT');
    if (!('answers' in resp)) return resp;
    const txts = txtsOf(resp);
    const records = txts.filter((t) => isDmarcRecord(t.text));
    const near = txts.filter(
      (t) =>
        !isDmarcRecord(t.text) &&
        (/v\s*=\s*dmarc/i.test(t.text) || /(?:^|;)\s*p\s*=\s*(?:none|quarantine|reject)/i.test(t.text)),
    );
    row.observed = [...records, ...near].map((t) => t.text);
    if (records.length === 0) {
      row.negative = true;
      row.ttl = negativeTtl(resp) ?? minTtl(txts);
      const apex = await txtApex;
      if (near.length > 0) {
        row.add('dmarc-syntax', 'fail', { reason: 'no-version', value: near[0]?.text.slice(0, 40) ?? '' });
      } else if (apex.ok && rec.name !== domain && txtsOf(apex.resp).some((t) => isDmarcRecord(t.text))) {
        row.add('wrong-name', 'fail', { found: domain, expected: rec.name });
      } else if (await probeFound('dmarc', (p) => txtsOf(p).some((t) => isDmarcRecord(t.text)))) {
        row.add('wrong-name', 'fail', { found: doubled(rec.name), expected: rec.name });
      } else {
        row.add('missing', 'fail', { expected: rec.values[0]?.value ?? '' });
      }
      return row.done();
    }
    row.ttl = minTtl(records);
    if (records.length > 1) {
      row.add('dmarc-syntax', 'fail', { reason: 'multiple', count: records.length });
      return row.done();
    }
    const parsed = parseDmarc(records[0]?.text ?? '');
    for (const e of parsed.errors)
      row.add('dmarc-syntax', 'fail', { reason: e.code, tag: e.tag ?? '', value: e.value ?? '' });
    const chosen = parseDmarc(rec.values[0]?.value ?? '').tags.p;
    const policy = parsed.tags.p;
    if (policy === 'none') row.add('weak-policy', chosen === 'none' ? 'info' : 'warn', { policy: 'none' });
    else if (policy && chosen && policy !== chosen) {
      row.add('wrong-value', POLICY_RANK[policy] < POLICY_RANK[chosen] ? 'warn' : 'info', {
        observed: `p=${policy}`,
        expected: `p=${chosen}`,
      });
    }
    return row.done();
  };

  const checkCname = async (rec: ExpectedRecord): Promise<RecordCheck> => {
    const row = new Row(rec.id, rec.name);
    const resp = await begin(row, rec.id, 'CNAME');
    if (!('answers' in resp)) return resp;
    const target = rec.values[0]?.value ?? '';
    const severity: Severity = rec.required ? 'fail' : 'warn';
    const cname = recordsOf(resp, 'CNAME').find((r) => same(r.name, rec.name)) ?? recordsOf(resp, 'CNAME')[0];
    if (cname) {
      const have = normaliseDomainName(cname.data);
      row.observed = [`CNAME ${have}`];
      row.ttl = cname.ttl;
      if (!same(have, target)) row.add('wrong-value', severity, { observed: have, expected: target, kind: 'cname' });
      return row.done();
    }
    row.negative = true;
    row.ttl = negativeTtl(resp);
    // No CNAME: an address record instead (a proxied record, or an A typed by hand)?
    const a = await ask(rec.name, 'A');
    const addrs = a.ok && a.resp.rcode === 'NOERROR' ? recordsOf(a.resp, 'A') : [];
    if (addrs.length > 0) {
      row.negative = false;
      row.ttl = minTtl(addrs);
      row.observed = addrs.map((r) => `A ${r.data}`);
      row.add('wrong-value', severity, {
        observed: addrs.map((r) => r.data).join(', '),
        expected: target,
        kind: 'address',
      });
      return row.done();
    }
    if (await probeFound(rec.id, (p) => recordsOf(p, 'CNAME').length > 0)) {
      row.add('wrong-name', severity, { found: doubled(rec.name), expected: rec.name });
    } else {
      row.add('missing', rec.required ? 'fail' : 'info', { expected: target, optional: rec.required ? 0 : 1 });
    }
    return row.done();
  };

  const run = (rec: ExpectedRecord): Promise<RecordCheck> => {
    switch (rec.id) {
      case 'mx':
        return checkMx(rec);
      case 'spf':
        return checkSpf(rec);
      case 'dkim':
        return checkDkim(rec);
      case 'dmarc':
        return checkDmarc(rec);
      default:
        return checkCname(rec);
    }
  };

  return Promise.all(
    expected.map(async (rec) => {
      let result: RecordCheck;
      try {
        result = await run(rec);
      } catch (e) {
        // A bug or an unexpected answer shape must not lose the other rows.
        result = new Row(rec.id, rec.name)
          .add('resolver-error', 'error', { type: rec.type, code: errorCode(e) })
          .done();
      }
      if (!signal?.aborted) args.onUpdate?.(result);
      return result;
    }),
  );
}

function shorten(key: string): string {
  return key.length <= 24 ? key : `${key.slice(0, 12)}…${key.slice(-8)}`;
}
