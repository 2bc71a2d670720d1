import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ResolverEndpoint } from '~/core/doh/client';
import { createLeader, DEFAULT_TIE_MS, leadWith, type Lineup } from '~/core/doh/leader';
import { CN_FIRST, GLOBAL_FIRST, PRESET_RESOLVERS, RACE_CONTENDERS } from '~/core/doh/resolvers';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const zhOrder = CN_FIRST.map((id) => PRESET_RESOLVERS[id]);
const enOrder = GLOBAL_FIRST.map((id) => PRESET_RESOLVERS[id]);
const ids = (list: readonly ResolverEndpoint[]) => list.map((r) => r.id);

describe('leadWith', () => {
  const rows = [
    // The leader first, then its region, then the rest: the same whatever order the page language gave.
    { what: 'AliDNS leads DNSPod, then the overseas resolvers (Chinese page order)', list: zhOrder, leader: 'alidns', order: ['alidns', 'dnspod', 'google', 'cloudflare'] },
    { what: 'AliDNS leads DNSPod, then the overseas resolvers (English page order)', list: enOrder, leader: 'alidns', order: ['alidns', 'dnspod', 'google', 'cloudflare'] },
    { what: 'Google leads Cloudflare, then the mainland resolvers (Chinese page order)', list: zhOrder, leader: 'google', order: ['google', 'cloudflare', 'alidns', 'dnspod'] },
    { what: 'DNSPod leads AliDNS, then the overseas resolvers', list: enOrder, leader: 'dnspod', order: ['dnspod', 'alidns', 'google', 'cloudflare'] },
    { what: 'Cloudflare leads Google, then the mainland resolvers', list: zhOrder, leader: 'cloudflare', order: ['cloudflare', 'google', 'alidns', 'dnspod'] },
    // Not in the list: unchanged.
    { what: 'an unknown leader changes nothing', list: zhOrder, leader: 'custom', order: ['alidns', 'dnspod', 'google', 'cloudflare'] },
    // Without regions: the leader first, the rest as given.
    {
      what: 'resolvers without a region keep their order after the leader',
      list: [{ id: 'a', url: 'https://a.test/' }, { id: 'b', url: 'https://b.test/' }, { id: 'c', url: 'https://c.test/' }],
      leader: 'c',
      order: ['c', 'a', 'b'],
    },
  ];
  it.each(rows)('$what', ({ list, leader, order }) => {
    expect(ids(leadWith(list, leader))).toEqual(order);
  });
});

describe('lineup', () => {
  const rows = [
    // A first visit: both contenders at once, the page language's one first, then the rest in its order.
    { what: 'races AliDNS and Google on a Chinese page, then DNSPod and Cloudflare', list: zhOrder, initial: undefined, order: ['alidns', 'google', 'dnspod', 'cloudflare'], atOnce: 2 },
    { what: 'races Google and AliDNS on an English page, then Cloudflare and DNSPod', list: enOrder, initial: undefined, order: ['google', 'alidns', 'cloudflare', 'dnspod'], atOnce: 2 },
    // A remembered leader: no race.
    { what: 'asks a remembered AliDNS alone first, on an English page too', list: enOrder, initial: 'alidns', order: ['alidns', 'dnspod', 'google', 'cloudflare'], atOnce: 1 },
    { what: 'asks a remembered Google alone first, on a Chinese page too', list: zhOrder, initial: 'google', order: ['google', 'cloudflare', 'alidns', 'dnspod'], atOnce: 1 },
    // A remembered leader missing from the list: race as on a first visit.
    { what: 'races when the remembered leader is not in the list', list: zhOrder, initial: 'gone', order: ['alidns', 'google', 'dnspod', 'cloudflare'], atOnce: 2 },
    // Only one contender in the list: nothing to race.
    { what: 'asks one at a time when only one contender is listed', list: [PRESET_RESOLVERS.dnspod, PRESET_RESOLVERS.alidns], initial: undefined, order: ['alidns', 'dnspod'], atOnce: 1 },
  ];
  it.each(rows)('$what', ({ list, initial, order, atOnce }) => {
    const lineup = createLeader({ contenders: RACE_CONTENDERS, initial }).lineup(list);
    expect({ order: ids(lineup.order), atOnce: lineup.atOnce }).toEqual({ order, atOnce });
  });
});

describe('answered: who leads', () => {
  /** One step: a question's lineup (made at that moment) and who answered it, at a time. */
  interface Step {
    at: number;
    /** The lineup of a question asked earlier (index into the lineups taken so far), or a new one. */
    lineup?: number;
    by: string;
  }
  interface Row {
    what: string;
    list: readonly ResolverEndpoint[];
    initial?: string;
    steps: Step[];
    /** The leader after the steps, and each one elected in turn. */
    leader: string | undefined;
    elected: string[];
  }
  const rows: Row[] = [
    // The language's contender answers first: it leads at once.
    { what: 'AliDNS answering first on a Chinese page leads at once', list: zhOrder, steps: [{ at: 80, by: 'alidns' }], leader: 'alidns', elected: ['alidns'] },
    // The other contender answers first and nobody else within the tie window.
    { what: 'AliDNS answering first on an English page leads after the tie window', list: enOrder, steps: [{ at: 80, by: 'alidns' }], leader: 'alidns', elected: ['alidns'] },
    // Both within a few ms: the page language breaks the tie.
    {
      what: 'Google answering 10 ms after AliDNS on an English page is a tie, and Google leads',
      list: enOrder,
      steps: [{ at: 80, lineup: 0, by: 'alidns' }, { at: 90, lineup: 0, by: 'google' }],
      leader: 'google',
      elected: ['google'],
    },
    // Further apart than the window: the faster one leads.
    {
      what: 'Google answering 100 ms after AliDNS on an English page does not take the lead',
      list: enOrder,
      steps: [{ at: 80, lineup: 0, by: 'alidns' }, { at: 180, lineup: 0, by: 'google' }],
      leader: 'alidns',
      elected: ['alidns'],
    },
    // A non-contender that answered while both contenders failed leads too.
    { what: 'DNSPod answering while the contenders could not leads', list: zhOrder, steps: [{ at: 1600, by: 'dnspod' }], leader: 'dnspod', elected: ['dnspod'] },
    // A remembered leader that answers keeps leading.
    { what: 'a remembered leader that answers first keeps leading, and is not elected again', list: zhOrder, initial: 'alidns', steps: [{ at: 50, by: 'alidns' }], leader: 'alidns', elected: [] },
    // A remembered leader that could not answer: the one that did leads.
    { what: 'a remembered Google that could not answer gives the lead to AliDNS', list: enOrder, initial: 'google', steps: [{ at: 1600, by: 'alidns' }], leader: 'alidns', elected: ['alidns'] },
    // Late answers to race questions change nothing once a leader is elected.
    {
      what: 'a late answer to a race question does not take the lead back',
      list: zhOrder,
      steps: [{ at: 50, lineup: 0, by: 'alidns' }, { at: 200, lineup: 0, by: 'google' }],
      leader: 'alidns',
      elected: ['alidns'],
    },
  ];

  it.each(rows)('$what', async ({ list, initial, steps, leader: expected, elected }) => {
    const seen: string[] = [];
    const leader = createLeader({ contenders: RACE_CONTENDERS, initial, onElect: (id) => seen.push(id) });
    const lineups: Lineup[] = [leader.lineup(list)];
    let now = 0;
    for (const step of steps) {
      await vi.advanceTimersByTimeAsync(step.at - now);
      now = step.at;
      const lineup = step.lineup === undefined ? leader.lineup(list) : lineups[step.lineup]!;
      leader.answered(lineup, step.by);
    }
    await vi.advanceTimersByTimeAsync(DEFAULT_TIE_MS);
    expect(leader.leaderId).toBe(expected);
    expect(seen).toEqual(elected);
  });

  it('leads with nobody until the tie window is over', async () => {
    const leader = createLeader({ contenders: RACE_CONTENDERS });
    leader.answered(leader.lineup(enOrder), 'alidns');
    await vi.advanceTimersByTimeAsync(DEFAULT_TIE_MS - 1);
    expect(leader.leaderId).toBeUndefined();
    // Still a race: a question asked now goes to both.
    expect(leader.lineup(enOrder).atOnce).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(leader.leaderId).toBe('alidns');
  });

  it('with tieMs 0, the first answer leads at once', () => {
    const leader = createLeader({ contenders: RACE_CONTENDERS, tieMs: 0 });
    leader.answered(leader.lineup(enOrder), 'alidns');
    expect(leader.leaderId).toBe('alidns');
  });

  it('tells its subscribers each change of leader, until they unsubscribe', async () => {
    const leader = createLeader({ contenders: RACE_CONTENDERS });
    const listener = vi.fn();
    const unsubscribe = leader.subscribe(listener);
    leader.answered(leader.lineup(zhOrder), 'alidns');
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    leader.answered(leader.lineup(zhOrder), 'dnspod');
    expect(leader.leaderId).toBe('dnspod');
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
