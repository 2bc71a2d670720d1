// Which resolvers a page asks (src/components/ui/resolverChoice.ts): the
// widget side only reads and writes what is remembered; who answers first is
// decided by core's leader. A fake window stands in for the page.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TIE_MS, type Lang } from '~/core';

type Stored = Record<string, string>;

function fakeWindow(search: string, stored: Stored) {
  const events: string[] = [];
  return {
    events,
    window: {
      location: { search },
      localStorage: {
        getItem: (key: string) => stored[key] ?? null,
        setItem: (key: string, value: string) => void (stored[key] = value),
        removeItem: (key: string) => void delete stored[key],
      },
      dispatchEvent: (e: Event) => {
        events.push(e.type);
        return true;
      },
    },
  };
}

/** A fresh copy of the module (its page leader is per page view) on a page with this address and storage. */
async function page(search: string, stored: Stored) {
  const fake = fakeWindow(search, stored);
  vi.stubGlobal('window', fake.window);
  vi.resetModules();
  return { mod: await import('~/components/ui/resolverChoice'), events: fake.events };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('pageResolvers', () => {
  interface Row {
    what: string;
    lang: Lang;
    search?: string;
    stored: Stored;
    /** The list the client gets, whether a leader orders it, and how the first question is asked. */
    ids: string[];
    led: boolean;
    first: { order: string[]; atOnce: number };
  }
  const rows: Row[] = [
    // Nothing stored: automatic, a race of AliDNS and Google (language order for ties and the rest).
    { what: 'a first visit to a Chinese page races AliDNS and Google', lang: 'zh', stored: {}, ids: ['alidns', 'dnspod', 'google', 'cloudflare'], led: true, first: { order: ['alidns', 'google', 'dnspod', 'cloudflare'], atOnce: 2 } },
    { what: 'a first visit to an English page races Google and AliDNS', lang: 'en', stored: {}, ids: ['google', 'cloudflare', 'alidns', 'dnspod'], led: true, first: { order: ['google', 'alidns', 'cloudflare', 'dnspod'], atOnce: 2 } },
    // A remembered winner: asked alone first, its region next.
    { what: 'a remembered AliDNS on an English page is asked first, alone', lang: 'en', stored: { 'mg.resolverLeader': 'alidns' }, ids: ['google', 'cloudflare', 'alidns', 'dnspod'], led: true, first: { order: ['alidns', 'dnspod', 'google', 'cloudflare'], atOnce: 1 } },
    // An explicit choice wins over the remembered winner: no leader.
    { what: 'a chosen global order wins over a remembered AliDNS', lang: 'zh', stored: { 'mg.resolverOrder': 'global', 'mg.resolverLeader': 'alidns' }, ids: ['google', 'cloudflare', 'alidns', 'dnspod'], led: false, first: { order: ['google', 'cloudflare', 'alidns', 'dnspod'], atOnce: 1 } },
    // A custom resolver: first, no race, the rest in the language order.
    { what: 'a saved custom resolver is asked first, without a race', lang: 'en', stored: { 'mg.resolver': 'https://doh.example/q' }, ids: ['custom', 'google', 'cloudflare', 'alidns', 'dnspod'], led: false, first: { order: ['custom', 'google', 'cloudflare', 'alidns', 'dnspod'], atOnce: 1 } },
    { what: "a link's resolver is asked first, without a race, even with a remembered winner", lang: 'zh', search: '?resolver=http://127.0.0.1:8053/dns-query', stored: { 'mg.resolverLeader': 'google' }, ids: ['custom', 'alidns', 'dnspod', 'google', 'cloudflare'], led: false, first: { order: ['custom', 'alidns', 'dnspod', 'google', 'cloudflare'], atOnce: 1 } },
    // Stored junk is ignored.
    { what: 'a remembered value that is no preset is ignored', lang: 'zh', stored: { 'mg.resolverLeader': '<b>' }, ids: ['alidns', 'dnspod', 'google', 'cloudflare'], led: true, first: { order: ['alidns', 'google', 'dnspod', 'cloudflare'], atOnce: 2 } },
  ];

  it.each(rows)('$what', async ({ lang, search = '', stored, ids, led, first }) => {
    const { mod } = await page(search, stored);
    const { resolvers, leader } = mod.pageResolvers(lang);
    expect(resolvers.map((r) => r.id)).toEqual(ids);
    expect(leader !== undefined).toBe(led);
    const lineup = leader ? leader.lineup(resolvers) : { order: resolvers, atOnce: 1 };
    expect({ order: lineup.order.map((r) => r.id), atOnce: lineup.atOnce }).toEqual(first);
  });

  it('gives every caller on the page the same leader', async () => {
    const { mod } = await page('', {});
    expect(mod.pageResolvers('zh').leader).toBe(mod.pageResolvers('zh').leader);
  });
});

describe('remembering the first to answer', () => {
  it('stores the resolver that came to lead, for the next visit, without re-ordering this page', async () => {
    const stored: Stored = {};
    const { mod, events } = await page('?domain=example.com', stored);
    const { resolvers, leader } = mod.pageResolvers('en');
    leader!.answered(leader!.lineup(resolvers), 'alidns');
    await vi.advanceTimersByTimeAsync(DEFAULT_TIE_MS);
    expect(stored).toEqual({ 'mg.resolverLeader': 'alidns' });
    // No change event: the widgets keep their resolver list; the shared leader already orders it.
    expect(events).toEqual([]);
    // The next visit starts with it.
    const next = await page('?domain=example.com', stored);
    const again = next.mod.pageResolvers('en');
    expect(again.leader?.leaderId).toBe('alidns');
    expect(next.mod.firstAsked('en', undefined, next.mod.readStoredResolvers())).toEqual({ presets: ['alidns'] });
  });

  it('restartRace forgets it: the page leader is new and races again', async () => {
    const stored: Stored = { 'mg.resolverLeader': 'google' };
    const { mod, events } = await page('', stored);
    const before = mod.pageLeader();
    mod.restartRace();
    expect(stored).toEqual({});
    expect(events).toEqual(['mg:resolverchange']);
    const after = mod.pageLeader();
    expect(after).not.toBe(before);
    expect(after.leaderId).toBeUndefined();
  });
});

describe('choiceFor and preferenceFor', () => {
  it.each([
    { stored: '', choice: 'auto', zh: 'cn', en: 'global' },
    { stored: 'cn', choice: 'cn', zh: 'cn', en: 'cn' },
    { stored: 'global', choice: 'global', zh: 'global', en: 'global' },
    { stored: 'auto', choice: 'auto', zh: 'cn', en: 'global' },
    { stored: 'junk', choice: 'auto', zh: 'cn', en: 'global' },
  ])('reads a stored order "$stored" as $choice (zh $zh, en $en)', async ({ stored, choice, zh, en }) => {
    const { mod } = await page('', {});
    expect(mod.choiceFor(stored)).toBe(choice);
    expect(mod.preferenceFor('zh', stored)).toBe(zh);
    expect(mod.preferenceFor('en', stored)).toBe(en);
  });
});
