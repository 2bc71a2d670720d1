// Starts the local DoH stack (Knot + dnsdist + fault backends) on ports of its own
// before any test and stops it by process id afterwards, whether the run passed
// or failed. Tests read the URLs from process.env (see ./stack.ts).
import type { FullConfig } from '@playwright/test';
import { startStack } from '../dns/stack.mjs';

interface Stack {
  urls: { resolver: string; slow: string; old: string; fault: string };
  pids: number[];
  stop: () => void;
}

export default async function globalSetup(_config: FullConfig): Promise<() => void> {
  const base = Number(process.env.MG_TEST_DNS_PORT_BASE ?? 25450);
  const stack = (await startStack({ base, delayMs: 1000 })) as Stack;
  process.env.MG_RESOLVER = stack.urls.resolver;
  process.env.MG_RESOLVER_SLOW = stack.urls.slow;
  process.env.MG_RESOLVER_OLD = stack.urls.old;
  process.env.MG_FAULT_ORIGIN = stack.urls.fault;
  const stop = () => stack.stop();
  process.once('exit', stop);
  return stop;
}
