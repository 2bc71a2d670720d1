// The openspf RFC 7208 test suite (tests/conformance/spf/rfc7208-tests.yml,
// release 2014.04, 203 tests; BSD licence beside it), run through the site's
// own DoH client: createDohClient over a fake fetch that answers each
// scenario's zone data in wire format (tests/unit/support/spf-suite-fetch.ts),
// then evaluateSpf. Where a test lists several results, any of them passes.
// Where it gives an explanation, ours must be the same text; the suite's
// "DEFAULT" is what its driver shows when exp= gives no explanation, which for
// evaluateSpf is an absent `explanation`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { createDohClient } from '~/core/doh/client';
import { evaluateSpf } from '~/core/spf/evaluate';
import { loadZone, suiteFetch, type ZoneData } from '../../support/spf-suite-fetch';

interface SuiteTest {
  readonly helo: string;
  readonly host: string;
  readonly mailfrom: string;
  readonly result: string | string[];
  readonly explanation?: string;
  readonly spec?: string | number;
  readonly description?: string;
}

interface Scenario {
  readonly description: string;
  readonly tests: Record<string, SuiteTest>;
  readonly zonedata: ZoneData;
}

const file = new URL('../../../conformance/spf/rfc7208-tests.yml', import.meta.url);
const scenarios = parseAllDocuments(readFileSync(file, 'utf8')).map((doc) => doc.toJS() as Scenario);

describe('the openspf RFC 7208 suite', () => {
  it('has its 16 scenarios and 203 tests', () => {
    expect(scenarios).toHaveLength(16);
    expect(scenarios.reduce((n, s) => n + Object.keys(s.tests).length, 0)).toBe(203);
  });

  describe.each(scenarios.map((s) => [s.description, s] as const))('%s', (_, scenario) => {
    it.each(Object.entries(scenario.tests))('%s', async (_name, t) => {
      const { fetch } = suiteFetch(loadZone(scenario.zonedata));
      const client = createDohClient({ fetch, resolvers: [{ id: 'fake', url: 'https://fake.test/dns-query' }] });
      const outcome = await evaluateSpf({ ip: t.host, sender: t.mailfrom ?? '', helo: t.helo, query: client.query });
      const accepted = Array.isArray(t.result) ? t.result : [t.result];
      expect(accepted).toContain(outcome.result);
      if (t.explanation !== undefined) expect(outcome.explanation ?? 'DEFAULT').toBe(t.explanation);
    });
  });
});
