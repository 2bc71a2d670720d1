import { describe, expect, it } from 'vitest';
import { createReportsWorker, REPORTS_PER_MESSAGE } from '~/core/reports/handler';
import type { ReportsResponse } from '~/core/reports/protocol';
import { fixture, named } from '../../support/reports';

const instant = async () => undefined;

describe('createReportsWorker', () => {
  it('answers a load with progress, then the result and its summary', async () => {
    const out: ReportsResponse[] = [];
    const handle = createReportsWorker((m) => out.push(m), { yieldFn: instant });
    handle({ type: 'load', id: 7, files: [named('google.xml', fixture('google.xml')), named('bad.xml', fixture('malformed.xml'))], aggregate: { failuresOnly: true } });
    await new Promise((r) => setTimeout(r, 50));
    expect(out.map((m) => `${m.type} ${m.id}`)).toEqual(['progress 7', 'progress 7', 'reports 7', 'result 7']);
    const [chunk, result] = out.slice(2);
    if (chunk?.type !== 'reports' || result?.type !== 'result') throw new Error('no result');
    expect([chunk.reports.length, result.result.reports.length, result.result.errors.map((e) => e.code), result.summary.totals.messages]).toEqual([1, 0, ['malformed-xml'], 8]);
  });

  it('sends the reports in several messages before the result, so the page takes them in several short tasks', async () => {
    const out: ReportsResponse[] = [];
    const handle = createReportsWorker((m) => out.push(m), { yieldFn: instant });
    const xml = new TextDecoder().decode(fixture('google.xml'));
    const n = REPORTS_PER_MESSAGE * 2 + 3;
    const files = Array.from({ length: n }, (_, i) => named(`r${i}.xml`, new TextEncoder().encode(xml.replace('4412233445566778899', `id-${i}`))));
    handle({ type: 'load', id: 1, files });
    await new Promise((r) => setTimeout(r, 200));
    const chunks = out.filter((m) => m.type === 'reports');
    expect(chunks.map((m) => (m.type === 'reports' ? m.reports.length : 0))).toEqual([REPORTS_PER_MESSAGE, REPORTS_PER_MESSAGE, 3]);
    expect(out.at(-1)?.type).toBe('result');
    expect(chunks.flatMap((m) => (m.type === 'reports' ? m.reports.map((r) => r.reportId) : []))).toEqual(files.map((_, i) => `id-${i}`));
  });

  it('ignores messages that are not requests', () => {
    const out: ReportsResponse[] = [];
    const handle = createReportsWorker((m) => out.push(m));
    handle({ hello: 'world' });
    expect(out).toEqual([]);
  });
});
