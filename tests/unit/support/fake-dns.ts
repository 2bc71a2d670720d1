/**
 * A fake QueryFn over an in-memory zone, for the checker and SPF expansion
 * tests: names not in the zone answer NXDOMAIN, names without the asked type
 * answer NOERROR with no records and an SOA in authority; a name can be made
 * to SERVFAIL, to reject (transport failure) or to answer with a CNAME chain.
 * Records every question so tests can see what was asked, and when.
 */
import type { DnsRecord, DnsResponse, QueryFn, RRType } from '~/core/doh/types';

export type FakeEntry = {
  MX?: readonly [number, string][];
  /** Each TXT record as its character-strings. */
  TXT?: readonly (readonly string[] | string)[];
  A?: readonly string[];
  AAAA?: readonly string[];
  CNAME?: string;
  /** Answer every question at this name with this rcode. */
  rcode?: 'SERVFAIL' | 'REFUSED';
  /** Reject every question at this name (a transport failure). */
  reject?: 'timeout' | 'network';
  ttl?: number;
};

export type FakeZone = Record<string, FakeEntry>;

export interface FakeDns {
  readonly query: QueryFn;
  readonly asked: { name: string; type: RRType; at: number }[];
  /** Answer the questions waiting so far (when created with `hold: true`); later ones wait for the next release. */
  release(): void;
  /** Keep releasing until `done` settles. */
  drain<T>(done: Promise<T>): Promise<T>;
}

const SOA_MINIMUM = 300;

function soa(zoneApex: string): DnsRecord {
  return {
    name: zoneApex,
    type: 'SOA',
    ttl: 3600,
    data: { mname: `ns1.${zoneApex}`, rname: `hostmaster.${zoneApex}`, serial: 1, refresh: 3600, retry: 600, expire: 86400, minimum: SOA_MINIMUM },
  };
}

export function fakeDns(zone: FakeZone, opts: { hold?: boolean; apex?: string } = {}): FakeDns {
  const asked: { name: string; type: RRType; at: number }[] = [];
  const waiting: (() => void)[] = [];
  const held = opts.hold ?? false;
  let tick = 0;

  const answer = (qname: string, type: RRType): DnsResponse | Error => {
    const name = qname.toLowerCase().replace(/\.$/, '');
    const base = { name, type, ad: false, tc: false, resolverId: 'fake', elapsedMs: 1 } as const;
    const entry = zone[name];
    const apex = opts.apex ?? 'example.com';
    if (!entry) {
      return { ...base, rcode: 'NXDOMAIN', answers: [], authority: [soa(apex)] };
    }
    if (entry.reject) return Object.assign(new Error(entry.reject), { code: entry.reject });
    if (entry.rcode) return { ...base, rcode: entry.rcode, answers: [], authority: [] };
    const ttl = entry.ttl ?? 600;
    const answers: DnsRecord[] = [];
    if (entry.CNAME) {
      answers.push({ name, type: 'CNAME', ttl, data: entry.CNAME });
      if (type !== 'CNAME') {
        const next = answer(entry.CNAME, type);
        if (!(next instanceof Error)) answers.push(...next.answers);
      }
    } else if (type === 'MX') {
      for (const [preference, exchange] of entry.MX ?? []) answers.push({ name, type: 'MX', ttl, data: { preference, exchange } });
    } else if (type === 'TXT') {
      for (const t of entry.TXT ?? []) answers.push({ name, type: 'TXT', ttl, data: typeof t === 'string' ? [t] : t });
    } else if (type === 'A' || type === 'AAAA') {
      for (const a of entry[type] ?? []) answers.push({ name, type, ttl, data: a });
    }
    return { ...base, rcode: 'NOERROR', answers, authority: answers.length === 0 ? [soa(apex)] : [] };
  };

  const query: QueryFn = (name, type) => {
    asked.push({ name, type, at: tick });
    const result = answer(name, type);
    const settle = (): Promise<DnsResponse> => (result instanceof Error ? Promise.reject(result) : Promise.resolve(result));
    if (!held) return settle();
    return new Promise<void>((r) => waiting.push(r)).then(settle);
  };

  return {
    query,
    asked,
    release() {
      tick++;
      for (const w of waiting.splice(0)) w();
    },
    async drain<T>(done: Promise<T>): Promise<T> {
      let settled = false;
      const result = done.finally(() => {
        settled = true;
      });
      while (!settled) {
        this.release();
        await new Promise((r) => setTimeout(r, 0));
      }
      return result;
    },
  };
}

export { SOA_MINIMUM };
