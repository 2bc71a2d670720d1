import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixture } from '../../support/reports';

type Scope = { postMessage?: (m: unknown) => void; onmessage?: ((e: { data: unknown }) => void) | null };
const scope = globalThis as unknown as Scope;

describe('the worker entry', () => {
  afterEach(() => {
    delete scope.postMessage;
    delete scope.onmessage;
    vi.resetModules();
  });

  it('binds the worker global: a load posted to it is answered through postMessage', async () => {
    const posted: { type: string }[] = [];
    scope.postMessage = (m) => posted.push(m as { type: string });
    await import('~/core/reports/worker');
    expect(typeof scope.onmessage).toBe('function');
    scope.onmessage?.({ data: { type: 'load', id: 1, files: [{ name: 'google.xml', bytes: fixture('google.xml') }] } });
    await vi.waitFor(() => expect(posted.map((m) => m.type)).toEqual(['progress', 'reports', 'result']));
  });
});
