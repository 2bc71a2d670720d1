import { describe, expect, it } from 'vitest';
import { detectDnsHost, type RecordCheck, type RecordId } from '~/core';
import { formFrom } from '~/components/Checker/form';
import {
  allPassed,
  checkerReducer,
  countStatuses,
  initialState,
  resultsOf,
  type CheckerAction,
  type CheckerState,
} from '~/components/Checker/state';

const result = (id: RecordId, status: RecordCheck['status'], extra: Partial<RecordCheck> = {}): RecordCheck => ({
  id,
  status,
  name: 'example.com',
  observed: [],
  findings: [],
  ...extra,
});

const reduce = (actions: CheckerAction[], from: CheckerState = initialState): CheckerState => actions.reduce(checkerReducer, from);
const loaded = reduce([{ type: 'load', form: formFrom({ domain: 'example.com' }), hostChosen: false }]);
const ids: RecordId[] = ['mx', 'spf'];

describe('the checker state', () => {
  it('starts empty and not loaded', () => {
    expect(initialState.loaded).toBe(false);
    expect(initialState.phase).toBe('idle');
    expect(initialState.rows.size).toBe(0);
  });

  it('takes the form from the address when loaded', () => {
    expect(loaded.loaded).toBe(true);
    expect(loaded.form.domain).toBe('example.com');
  });

  it('shows every row pending when a run starts, then each row as it arrives', () => {
    const s = reduce([{ type: 'start', run: 1, ids }, { type: 'row', run: 1, row: result('spf', 'fail') }], loaded);
    expect(s.phase).toBe('running');
    expect(s.rows.get('mx')).toEqual({ status: 'pending' });
    expect(s.rows.get('spf')?.status).toBe('fail');
  });

  it('ignores rows, results and aborts of a run that was replaced', () => {
    const s = reduce(
      [
        { type: 'start', run: 1, ids },
        { type: 'start', run: 2, ids },
        { type: 'row', run: 1, row: result('mx', 'ok') },
        { type: 'abort', run: 1 },
        { type: 'finish', run: 1, results: [result('mx', 'ok'), result('spf', 'ok')], at: 5, answeredBy: ['alidns'] },
      ],
      loaded,
    );
    expect(s.phase).toBe('running');
    expect([...s.rows.values()].map((r) => r.status)).toEqual(['pending', 'pending']);
  });

  it('finishes with the results, the time, and no changes on the first check', () => {
    const s = reduce(
      [{ type: 'start', run: 1, ids }, { type: 'finish', run: 1, results: [result('mx', 'ok'), result('spf', 'fail')], at: 1000, answeredBy: ['alidns'] }],
      loaded,
    );
    expect(s.phase).toBe('done');
    expect(s.checkedAt).toBe(1000);
    expect(s.answeredBy).toEqual(['alidns']);
    expect(s.changes).toEqual([]);
    expect(countStatuses(s.rows)).toEqual({ ok: 1, warn: 0, fail: 1, error: 0 });
    expect(allPassed(s)).toBe(false);
  });

  it('names the rows whose status changed since the previous check', () => {
    const s = reduce(
      [
        { type: 'start', run: 1, ids },
        { type: 'finish', run: 1, results: [result('mx', 'ok'), result('spf', 'fail')], at: 1, answeredBy: ['alidns'] },
        { type: 'start', run: 2, ids },
        { type: 'finish', run: 2, results: [result('mx', 'ok'), result('spf', 'ok')], at: 2, answeredBy: ['alidns'] },
      ],
      loaded,
    );
    expect(s.changes).toEqual([{ id: 'spf', from: 'fail', to: 'ok' }]);
    expect(allPassed(s)).toBe(true);
  });

  it('clears the rows and says so when a run is stopped', () => {
    const s = reduce([{ type: 'start', run: 1, ids }, { type: 'abort', run: 1 }], loaded);
    expect(s.phase).toBe('aborted');
    expect(s.rows.size).toBe(0);
  });

  it('forgets the results when the domain or the provider changes, but not for other fields', () => {
    const done = reduce([{ type: 'start', run: 1, ids }, { type: 'finish', run: 1, results: [result('mx', 'ok')], at: 1, answeredBy: ['alidns'] }], loaded);
    expect(reduce([{ type: 'edit', patch: { domain: 'other.example' } }], done).rows.size).toBe(0);
    expect(reduce([{ type: 'edit', patch: { provider: 'aliyun-intl' } }], done).phase).toBe('idle');
    // Another spelling of the same domain keeps them.
    expect(reduce([{ type: 'edit', patch: { domain: 'EXAMPLE.com.' } }], done).rows.size).toBe(1);
    expect(reduce([{ type: 'edit', patch: { dmarcPolicy: 'reject' } }], done).phase).toBe('done');
  });

  it('selects the detected DNS host until the visitor picks one', () => {
    const cloudflare = detectDnsHost(['ada.ns.cloudflare.com'])!;
    const route53 = detectDnsHost(['ns-1.awsdns-01.org'])!;
    const started = reduce([{ type: 'start', run: 1, ids }], loaded);
    expect(reduce([{ type: 'detect', run: 1, host: cloudflare }], started).form.host).toBe('cloudflare');
    // A host without console conventions of its own gets the generic ones.
    expect(reduce([{ type: 'detect', run: 1, host: route53 }], started).form.host).toBe('other');
    const chosen = reduce([{ type: 'edit', patch: { host: 'godaddy' } }, { type: 'detect', run: 1, host: cloudflare }], started);
    expect(chosen.form.host).toBe('godaddy');
    expect(chosen.detected?.id).toBe('cloudflare');
  });

  it('counts re-checks while watching, and stops watching on request or when the domain changes', () => {
    const watching = reduce([{ type: 'watch', notify: true }, { type: 'schedule', at: 10 }, { type: 'schedule', at: 20 }], loaded);
    expect(watching.watch).toEqual({ on: true, notify: true, attempt: 2, nextAt: 20 });
    expect(reduce([{ type: 'unwatch' }], watching).watch.on).toBe(false);
    expect(reduce([{ type: 'edit', patch: { domain: 'other.example' } }], watching).watch.on).toBe(false);
  });

  it('gives the final results without the pending rows', () => {
    const s = reduce([{ type: 'start', run: 1, ids }, { type: 'row', run: 1, row: result('mx', 'warn') }], loaded);
    expect(resultsOf(s.rows).map((r) => r.id)).toEqual(['mx']);
  });
});
