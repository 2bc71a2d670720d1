/**
 * The checker's state as one reducer: the form, the current check's rows, the
 * DNS host found from NS records, what changed since the last check, and
 * "watch until green". Pure (no React, no DOM), so every transition is
 * unit-tested. Actions of a run carry its number: a run that was superseded
 * cannot touch the rows of the one that replaced it.
 */
import { consoleOf, normaliseDomain, type CheckStatus, type DnsHost, type RecordCheck, type RecordId } from '~/core';
import type { RowState } from '../ui/RecordTable';
import { formFrom, type CheckerForm } from './form';

export type { RowState } from '../ui/RecordTable';

export interface StatusChange {
  readonly id: RecordId;
  readonly from: CheckStatus;
  readonly to: CheckStatus;
}

export interface CheckerState {
  readonly form: CheckerForm;
  /** The form has been read from the page address (only then is it written back). */
  readonly loaded: boolean;
  /** The visitor picked a DNS host: detection no longer changes it. */
  readonly hostChosen: boolean;
  /** Number of the current (or last) run. */
  readonly run: number;
  readonly phase: 'idle' | 'running' | 'done' | 'aborted';
  readonly rows: ReadonlyMap<RecordId, RowState>;
  /** The DNS host named by the domain's NS records. */
  readonly detected: DnsHost | undefined;
  /** When the last complete results arrived (ms since epoch). */
  readonly checkedAt: number | undefined;
  /** The resolvers whose answers the last complete check used (their ids). */
  readonly answeredBy: readonly string[];
  /** Rows whose status changed between the last two complete checks. */
  readonly changes: readonly StatusChange[];
  readonly lastStatuses: ReadonlyMap<RecordId, CheckStatus>;
  readonly watch: {
    readonly on: boolean;
    readonly notify: boolean;
    /** Re-checks scheduled so far (for the backoff). */
    readonly attempt: number;
    readonly nextAt: number | undefined;
  };
}

export type CheckerAction =
  | { readonly type: 'load'; readonly form: CheckerForm; readonly hostChosen: boolean }
  | { readonly type: 'edit'; readonly patch: Partial<CheckerForm> }
  | { readonly type: 'start'; readonly run: number; readonly ids: readonly RecordId[] }
  | { readonly type: 'row'; readonly run: number; readonly row: RecordCheck }
  | {
      readonly type: 'finish';
      readonly run: number;
      readonly results: readonly RecordCheck[];
      readonly at: number;
      readonly answeredBy: readonly string[];
    }
  | { readonly type: 'abort'; readonly run: number }
  | { readonly type: 'detect'; readonly run: number; readonly host: DnsHost }
  | { readonly type: 'watch'; readonly notify: boolean }
  | { readonly type: 'schedule'; readonly at: number }
  | { readonly type: 'unwatch' };

const NO_WATCH: CheckerState['watch'] = { on: false, notify: false, attempt: 0, nextAt: undefined };

/** What a check found: nothing yet. */
const NO_RESULTS = {
  phase: 'idle',
  rows: new Map(),
  detected: undefined,
  checkedAt: undefined,
  answeredBy: [],
  changes: [],
  lastStatuses: new Map(),
  watch: NO_WATCH,
} as const satisfies Partial<CheckerState>;

export const initialState: CheckerState = { form: formFrom({}), loaded: false, hostChosen: false, run: 0, ...NO_RESULTS };

/** Results belong to the domain and provider they were checked for. */
function subject(form: CheckerForm): string {
  const d = form.domain.trim() ? normaliseDomain(form.domain) : undefined;
  return `${d?.ok ? d.ascii : ''}|${form.provider}`;
}

/** Everything a check found, gone (the form stays). */
function cleared(state: CheckerState): CheckerState {
  return { ...state, ...NO_RESULTS, rows: new Map(), lastStatuses: new Map() };
}

export function checkerReducer(state: CheckerState, action: CheckerAction): CheckerState {
  switch (action.type) {
    case 'load':
      // A host the visitor already chose stays chosen.
      return { ...cleared(state), form: action.form, loaded: true, hostChosen: state.hostChosen || action.hostChosen };
    case 'edit': {
      const form = { ...state.form, ...action.patch };
      const next = { ...state, form, hostChosen: state.hostChosen || action.patch.host !== undefined };
      return subject(form) === subject(state.form) ? next : cleared(next);
    }
    case 'start':
      return {
        ...state,
        run: action.run,
        phase: 'running',
        rows: new Map(action.ids.map((id) => [id, { status: 'pending' } as const])),
        watch: { ...state.watch, nextAt: undefined },
      };
    case 'row':
      if (action.run !== state.run || state.phase !== 'running') return state;
      return { ...state, rows: new Map(state.rows).set(action.row.id, action.row) };
    case 'finish': {
      if (action.run !== state.run || state.phase !== 'running') return state;
      const before = state.lastStatuses;
      const changes =
        before.size === 0
          ? []
          : action.results.flatMap((r) => {
              const from = before.get(r.id);
              return from && from !== r.status ? [{ id: r.id, from, to: r.status }] : [];
            });
      return {
        ...state,
        phase: 'done',
        rows: new Map(action.results.map((r) => [r.id, r])),
        checkedAt: action.at,
        answeredBy: action.answeredBy,
        changes,
        lastStatuses: new Map(action.results.map((r) => [r.id, r.status])),
      };
    }
    case 'abort':
      if (action.run !== state.run || state.phase !== 'running') return state;
      return { ...state, phase: 'aborted', rows: new Map() };
    case 'detect': {
      if (action.run !== state.run) return state;
      const form = state.hostChosen ? state.form : { ...state.form, host: consoleOf(action.host).hostId };
      return { ...state, detected: action.host, form };
    }
    case 'watch':
      return { ...state, watch: { on: true, notify: action.notify, attempt: 0, nextAt: undefined } };
    case 'schedule':
      return { ...state, watch: { ...state.watch, attempt: state.watch.attempt + 1, nextAt: action.at } };
    case 'unwatch':
      return { ...state, watch: NO_WATCH };
  }
}

/** Counts of final rows by status. */
export function countStatuses(rows: ReadonlyMap<RecordId, RowState>): Record<CheckStatus, number> {
  const n = { ok: 0, warn: 0, fail: 0, error: 0 };
  for (const row of rows.values()) if (row.status !== 'pending') n[row.status] += 1;
  return n;
}

/** The last complete check found every row ok. */
export function allPassed(state: CheckerState): boolean {
  return state.phase === 'done' && state.rows.size > 0 && [...state.rows.values()].every((r) => r.status === 'ok');
}

/** The final results of the rows (pending rows left out). */
export function resultsOf(rows: ReadonlyMap<RecordId, RowState>): RecordCheck[] {
  return [...rows.values()].filter((r): r is RecordCheck => r.status !== 'pending');
}
