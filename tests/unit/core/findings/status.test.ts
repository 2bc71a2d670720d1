import { describe, expect, it } from 'vitest';
import { statusOf } from '~/core/findings/status';
import type { CheckStatus, Severity } from '~/core/types';

describe('statusOf', () => {
  it.each<{ severities: Severity[]; status: CheckStatus; note: string }>([
    { severities: [], status: 'ok', note: 'no findings: ok' },
    { severities: ['info'], status: 'ok', note: 'information never changes the status' },
    { severities: ['info', 'info'], status: 'ok', note: 'nor does more of it' },
    { severities: ['warn', 'info'], status: 'warn', note: 'a warning: warn' },
    { severities: ['warn', 'fail'], status: 'fail', note: 'a failure wins over a warning' },
    { severities: ['info', 'fail', 'warn'], status: 'fail', note: 'in any order' },
    { severities: ['fail', 'error'], status: 'error', note: 'not knowing wins over a failure' },
    { severities: ['error'], status: 'error', note: 'an error alone: error' },
  ])('$note', ({ severities, status }) => {
    expect(statusOf(severities.map((severity) => ({ severity })))).toBe(status);
  });
});
