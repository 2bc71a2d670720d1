import { describe, expect, it } from 'vitest';
import { createReportsWorker } from '~/core/reports/handler';
import type { ReportsResponse } from '~/core/reports/protocol';
import { fixture, named } from '../../support/reports';

const instant = async () => undefined;

describe('createReportsWorker', () => {
  it('answers a load with progress, then the result and its summary', async () => {
    const out: ReportsResponse[] = [];
    const handle = createReportsWorker((m) => out.push(m), { yieldFn: instant });
    handle({ type: 'load', id: 7, files: [named('google.xml', fixture('google.xml')), named('bad.xml', fixture('malformed.xml'))], aggregate: { failuresOnly: true } });
    await new Promise((r) => setTimeout(r, 50));
    expect(out.map((m) => `${m.type} ${m.id}`)).toEqual(['progress 7', 'progress 7', 'result 7']);
    const result = out[2];
    if (result?.type !== 'result') throw new Error('no result');
    expect([result.result.reports.length, result.result.errors.map((e) => e.code), result.summary.totals.messages]).toEqual([1, ['malformed-xml'], 8]);
  });

  it('ignores messages that are not requests', () => {
    const out: ReportsResponse[] = [];
    const handle = createReportsWorker((m) => out.push(m));
    handle({ hello: 'world' });
    expect(out).toEqual([]);
  });
});
