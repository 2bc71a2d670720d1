// The processes the benchmark starts — astro build, the static server for
// dist/ (`astro preview`), the local DoH stack, browsers — and how they stop:
// each is registered when started and stopped by its process id, last started
// first, on the way out, on failure and on Ctrl-C alike. Nothing is stopped by
// name.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bin, ROOT } from './project.mjs';

const cleanups = [];
let cleaning;
let interrupted = false;

/** Registers how to stop something just started. */
export function onCleanup(fn) {
  cleanups.push(fn);
}

/** Stops everything registered, last started first; every caller awaits the same run. */
export function cleanup() {
  cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch {
        /* best effort */
      }
    }
  })();
  return cleaning;
}

/** True once SIGINT or SIGTERM arrived (the handler stops everything and exits 130). */
export const wasInterrupted = () => interrupted;

/** On SIGINT/SIGTERM: stop everything, then exit 130. */
export function stopOnSignals() {
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      if (interrupted) return;
      interrupted = true;
      console.error(`\n${sig}: stopping the servers …`);
      void cleanup().finally(() => process.exit(130));
    });
  }
}

/** Stops a child we started, by its process id: SIGTERM, then SIGKILL after 3 s. */
export function killChild(child) {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
      resolve();
    }, 3000);
    child.once('exit', () => {
      clearTimeout(t);
      resolve();
    });
    try {
      process.kill(child.pid, 'SIGTERM');
    } catch {
      clearTimeout(t);
      resolve();
    }
  });
}

// The Node running the benchmark (24) comes first on PATH for the Astro children.
const childEnv = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`, ASTRO_TELEMETRY_DISABLED: '1' };

/** Starts a tool from node_modules/.bin in the project, stopped by pid at cleanup. */
export function startTool(name, args, stdio) {
  const child = spawn(bin(name), args, { cwd: ROOT, env: childEnv, stdio });
  onCleanup(() => killChild(child));
  return child;
}

/** Runs a tool to its end; resolves its exit code (or signal) and its output. */
export async function runTool(name, args) {
  const child = startTool(name, args, ['ignore', 'pipe', 'pipe']);
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const code = await new Promise((r) => child.on('exit', (c, s) => r(c ?? s)));
  return { code, log };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function portFree(port) {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) });
    return false;
  } catch {
    return true;
  }
}

/** Serves dist/ on 127.0.0.1:port (`astro preview`); resolves its origin once it answers. */
export async function startSite(port) {
  if (!(await portFree(port))) throw new Error(`port ${port} is already in use (MG_BENCH_PREVIEW_PORT)`);
  const origin = `http://127.0.0.1:${port}`;
  const child = startTool('astro', ['preview', '--host', '127.0.0.1', '--port', String(port), '--ignore-lock'], ['ignore', 'ignore', 'pipe']);
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`astro preview exited: ${err.slice(-2000)}`);
    try {
      const res = await fetch(`${origin}/`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return origin;
    } catch {
      /* not yet */
    }
    await sleep(200);
  }
  throw new Error(`astro preview did not answer on ${origin}: ${err.slice(-2000)}`);
}

/**
 * Starts the local DoH stack (tests/dns/stack.mjs) with its HTTPS listener and
 * every answer of its slow path delayed by delayMs; `stop()` may be called
 * early and again at cleanup.
 */
export async function startDns({ base, delayMs }) {
  const { startStack } = await import(pathToFileURL(join(ROOT, 'tests', 'dns', 'stack.mjs')).href);
  const stack = await startStack({ base, delayMs, tls: true });
  let stopped = false;
  const stop = () => {
    if (!stopped) stack.stop();
    stopped = true;
  };
  onCleanup(stop);
  return { ...stack, stop };
}
