// URLs of the local DoH stack started by global-setup.ts.
function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through playwright.config.ts`);
  return value;
}

export const stack = {
  /** The fixture zones; slow.test answers late, dead.test never. */
  get resolver() {
    return env('MG_RESOLVER');
  },
  /** Every name answered after the slow backend's delay. */
  get slow() {
    return env('MG_RESOLVER_SLOW');
  },
  /** An older copy of stale.test: a resolver that disagrees. */
  get old() {
    return env('MG_RESOLVER_OLD');
  },
  /** Fault endpoints: `${fault}/garbage/dns-query` etc. */
  fault(kind: 'garbage' | 'short' | 'http503' | 'nocors' | 'hang') {
    return `${env('MG_FAULT_ORIGIN')}/${kind}/dns-query`;
  },
};

/** A tool page URL with the local resolver and the given parameters. */
export function toolUrl(path: string, params: Record<string, string>, resolver = stack.resolver): string {
  const q = new URLSearchParams({ ...params, resolver });
  return `${path}?${q.toString()}`;
}
