import { describe, expect, it } from 'vitest';
import { createPacer, ReadAborted } from '~/core/reports/pace';

describe('createPacer', () => {
  it('yields once per yieldEvery bytes of work, then reports the yield', async () => {
    const events: string[] = [];
    const pacer = createPacer({ yieldEvery: 100, yieldFn: async () => void events.push('yield'), onYield: () => events.push('progress') });
    for (const n of [40, 40, 40, 99, 1]) await pacer.work(n);
    expect(events).toEqual(['yield', 'progress', 'yield', 'progress']);
  });

  it('throws ReadAborted at the next step once the signal aborts', async () => {
    const controller = new AbortController();
    const pacer = createPacer({ signal: controller.signal, yieldFn: async () => undefined });
    await pacer.work(1);
    controller.abort();
    await expect(pacer.work(1)).rejects.toBeInstanceOf(ReadAborted);
    expect(() => pacer.check()).toThrow(ReadAborted);
  });

  it('yields to the event loop by default (a timer queued before runs first)', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    await createPacer({ yieldEvery: 1 }).work(1);
    order.push('after');
    expect(order).toEqual(['timer', 'after']);
  });
});
