// The local DNS-over-HTTPS stack for end-to-end tests, benchmarks and development:
//   knotd (authoritative, fixture zones in zones/)        127.0.0.1:BASE
//   knotd (an older copy of some zones, zones-old/)        127.0.0.1:BASE+1
//   aux.mjs: slow UDP forwarder BASE+2, dead UDP BASE+3, fault HTTP BASE+11
//   dnsdist: its own UDP/TCP listener BASE+4 (unused by the tests)
//   dnsdist: RFC 8484 over plain HTTP with CORS            127.0.0.1:BASE+10
//            and, with { tls: true }, over HTTPS/HTTP2        127.0.0.1:BASE+12 (self-signed)
// dnsdist paths:
//   /dns-query        the fixture zones; slow.test → slow backend, dead.test → no answer
//   /slow/dns-query   every name through the slow backend (benchmarks)
//   /old/dns-query    the older copies (a resolver that disagrees)
// Started and stopped by process id; nothing listens beyond 127.0.0.1.
//
//   node tests/dns/stack.mjs          start, print the URLs, stop on Ctrl-C
//   MG_DNS_PORT_BASE=25450 MG_DNS_DELAY_MS=300 node tests/dns/stack.mjs
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

function which(candidates) {
  return candidates.find((p) => {
    try {
      return readdirSync(dirname(p)).includes(p.split('/').pop() ?? '');
    } catch {
      return false;
    }
  });
}

function knotConfig({ dir, port, zonesDir }) {
  const zones = readdirSync(zonesDir)
    .filter((f) => f.endsWith('.zone'))
    .map((f) => f.slice(0, -'.zone'.length));
  return [
    'server:',
    `  rundir: "${dir}"`,
    `  listen: 127.0.0.1@${port}`,
    'log:',
    '  - target: stderr',
    '    any: error',
    'database:',
    `  storage: "${dir}/db"`,
    'template:',
    '  - id: default',
    `    storage: "${zonesDir}"`,
    '    file: "%s.zone"',
    '    zonefile-sync: -1',
    '    zonefile-load: whole',
    '    journal-content: none',
    '    semantic-checks: on',
    'zone:',
    ...zones.map((z) => `  - domain: "${z}."`),
    '',
  ].join('\n');
}

function dnsdistConfig({ dohPort, localPort, knotPort, oldPort, slowPort, deadPort, tlsPort, cert, key }) {
  const dohOptions = "{customResponseHeaders={['access-control-allow-origin']='*'}, sendCacheControlHeaders=false}";
  const paths = "{'/dns-query', '/slow/dns-query', '/old/dns-query'}";
  // With a certificate, the same endpoints over HTTPS (HTTP/2, as public resolvers serve DoH).
  const tls = cert ? `addDOHLocal('127.0.0.1:${tlsPort}', '${cert}', '${key}', ${paths}, ${dohOptions})` : '';
  return `
setSecurityPollSuffix('')
setLocal('127.0.0.1:${localPort}')
newServer({address='127.0.0.1:${knotPort}', name='knot'}):setUp()
newServer({address='127.0.0.1:${oldPort}', name='old', pool='old'}):setUp()
newServer({address='127.0.0.1:${slowPort}', name='slow', pool='slow'}):setUp()
newServer({address='127.0.0.1:${deadPort}', name='dead', pool='dead'}):setUp()
addDOHLocal('127.0.0.1:${dohPort}', nil, nil, ${paths}, ${dohOptions})
${tls}
addAction(HTTPPathRule('/slow/dns-query'), PoolAction('slow'))
addAction(HTTPPathRule('/old/dns-query'), PoolAction('old'))
addAction({'slow.test.'}, PoolAction('slow'))
addAction({'dead.test.'}, PoolAction('dead'))
`;
}

/** Encodes "complete.test MX" as an RFC 8484 GET parameter (used to wait for readiness). */
function readinessQuery() {
  const labels = ['complete', 'test'];
  const parts = [0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0];
  for (const l of labels) parts.push(l.length, ...Buffer.from(l));
  parts.push(0, 0, 15, 0, 1);
  return Buffer.from(parts).toString('base64url');
}

async function waitForAnswer(url, deadline) {
  let lastError = 'no attempt';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}?dns=${readinessQuery()}`, { headers: { accept: 'application/dns-message' } });
      const body = new Uint8Array(await res.arrayBuffer());
      // answer count > 0 and rcode NOERROR
      if (res.ok && body.length > 12 && (body[3] & 0x0f) === 0 && (body[6] << 8) + body[7] > 0) return;
      lastError = `HTTP ${res.status}, ${body.length} bytes`;
    } catch (e) {
      lastError = String(e);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`local DoH stack did not answer at ${url}: ${lastError}`);
}

/**
 * Starts the stack and resolves when it answers. Returns the URLs and stop().
 * @param {{ base?: number, delayMs?: number, quiet?: boolean, tls?: boolean }} [options]
 */
export async function startStack(options = {}) {
  const base = options.base ?? Number(process.env.MG_DNS_PORT_BASE ?? 25350);
  const delayMs = options.delayMs ?? Number(process.env.MG_DNS_DELAY_MS ?? 1000);
  const knotd = which(['/usr/sbin/knotd', '/usr/bin/knotd']);
  const dnsdist = which(['/usr/bin/dnsdist', '/usr/sbin/dnsdist']);
  if (!knotd || !dnsdist) {
    throw new Error('knotd and dnsdist are needed for the local DoH stack: apt-get install -y knot dnsdist');
  }
  const run = join(here, '.run', String(base));
  rmSync(run, { recursive: true, force: true });
  mkdirSync(join(run, 'main', 'db'), { recursive: true });
  mkdirSync(join(run, 'old', 'db'), { recursive: true });
  const ports = {
    knotPort: base,
    oldPort: base + 1,
    slowPort: base + 2,
    deadPort: base + 3,
    localPort: base + 4,
    dohPort: base + 10,
    faultPort: base + 11,
    tlsPort: base + 12,
  };
  if (options.tls) {
    // A throw-away self-signed certificate for 127.0.0.1 (the benchmark's browser is told to accept it).
    const cert = join(run, 'cert.pem');
    const key = join(run, 'key.pem');
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    if (made.status !== 0) throw new Error('openssl could not make a certificate for the HTTPS DoH listener');
    Object.assign(ports, { cert, key });
  }
  writeFileSync(
    join(run, 'knot-main.conf'),
    knotConfig({ dir: join(run, 'main'), port: ports.knotPort, zonesDir: join(here, 'zones') }),
  );
  writeFileSync(
    join(run, 'knot-old.conf'),
    knotConfig({ dir: join(run, 'old'), port: ports.oldPort, zonesDir: join(here, 'zones-old') }),
  );
  writeFileSync(join(run, 'dnsdist.conf'), dnsdistConfig(ports));

  const stdio = options.quiet === false ? 'inherit' : ['ignore', 'ignore', 'inherit'];
  const children = [
    spawn(knotd, ['-c', join(run, 'knot-main.conf')], { stdio: ['ignore', 'ignore', 'ignore'] }),
    spawn(knotd, ['-c', join(run, 'knot-old.conf')], { stdio: ['ignore', 'ignore', 'ignore'] }),
    spawn(
      process.execPath,
      [join(here, 'aux.mjs'), ports.slowPort, ports.deadPort, ports.faultPort, ports.knotPort, delayMs].map(String),
      { stdio },
    ),
    spawn(dnsdist, ['--supervised', '--disable-syslog', '-C', join(run, 'dnsdist.conf')], {
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  ];
  const pids = children.map((c) => c.pid).filter((p) => typeof p === 'number');
  // A process that exits while starting (most often: a port already in use by
  // another stack) must fail the start, not leave another stack answering for us.
  let early = '';
  for (const [i, child] of children.entries()) {
    child.once('exit', (code, signal) => {
      early ||= `${['knotd (main)', 'knotd (old)', 'aux.mjs', 'dnsdist'][i]} exited (${signal ?? code}); are ports ${base}–${base + 11} free? Set MG_DNS_PORT_BASE / MG_TEST_DNS_PORT_BASE.`;
    });
  }
  writeFileSync(join(run, 'pids'), pids.join('\n'));

  const stop = () => {
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
  };
  const origin = `http://127.0.0.1:${ports.dohPort}`;
  const urls = {
    resolver: `${origin}/dns-query`,
    slow: `${origin}/slow/dns-query`,
    old: `${origin}/old/dns-query`,
    fault: `http://127.0.0.1:${ports.faultPort}`,
    ...(options.tls
      ? { tlsResolver: `https://127.0.0.1:${ports.tlsPort}/dns-query`, tlsSlow: `https://127.0.0.1:${ports.tlsPort}/slow/dns-query` }
      : {}),
  };
  try {
    await waitForAnswer(urls.resolver, Date.now() + 15000);
    // Give a process that lost a port race a moment to exit before we trust the answer.
    await new Promise((r) => setTimeout(r, 150));
    if (early) throw new Error(early);
  } catch (e) {
    stop();
    throw e;
  }
  return { urls, pids, delayMs, stop };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const stack = await startStack({ quiet: false });
  console.log(`Local DoH stack is up (processes ${stack.pids.join(', ')}); slow backend delay ${stack.delayMs} ms.`);
  console.log(`Resolver URL:   ${stack.urls.resolver}`);
  console.log(
    `  open e.g. http://localhost:4321/tools/checker/?domain=complete.test&resolver=${encodeURIComponent(stack.urls.resolver)}`,
  );
  console.log(`Slow resolver:  ${stack.urls.slow}`);
  console.log(`Older copy:     ${stack.urls.old}`);
  console.log(`Fault endpoints: ${stack.urls.fault}/{garbage,short,http503,nocors,hang}/dns-query`);
  console.log('Fixture domains: see tests/dns/zones/. Ctrl-C stops everything.');
  const bye = () => {
    stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', bye);
  process.on('SIGTERM', bye);
}
