// DMARC report reader benchmark (issue 13, item 8: "200 reports / 20 MB of XML
// read and shown in under 3 s"). Generates reports in memory (documentation IP
// ranges, example domains), then times the core pipeline in this Node process:
// read (expand + parse) and aggregate, for plain XML, .xml.gz and one .zip;
// and how long a 1 GiB gzip bomb and a 1 GiB zip bomb take to be refused.
// It does not measure the page (rendering, the worker hop); the browser does
// the same work in the worker, with the page idle meanwhile.
//
//   node scripts/bench-support/dmarc-reports.mjs [--reports 200] [--mb 20] [--runs 3] [--json]
//   import { benchDmarcReports } from './bench-support/dmarc-reports.mjs'
//
// The core is TypeScript: it is bundled once with esbuild (already installed
// with Astro) into a temporary file and imported from there.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { constants, deflateRawSync, gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function loadCore() {
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'dmarc-bench-'));
  const out = join(dir, 'core.mjs');
  await build({
    stdin: {
      contents: "export * from './src/core/reports/index.ts';\nexport { loadReports } from './src/core/reports/pipeline.ts';\n",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    outfile: out,
    logLevel: 'warning',
  });
  try {
    return { core: await import(pathToFileURL(out).href), zipSync: (await import('fflate')).zipSync };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const REPORTERS = ['google.com', 'Outlook.com', 'Yahoo', 'QQ Mail', 'NetEase', 'Example Receiver'];
const PREFIXES = ['192.0.2', '198.51.100', '203.0.113'];

/** One report of about `targetBytes` of XML. Deterministic for a given index. */
export function generateReport(index, targetBytes) {
  const begin = 1699920000 + (index % 30) * 86400;
  const head =
    `<?xml version="1.0" encoding="UTF-8"?>\n<feedback>\n  <report_metadata>\n    <org_name>${REPORTERS[index % REPORTERS.length]}</org_name>\n` +
    `    <email>dmarc@reporter${index % REPORTERS.length}.example</email>\n    <report_id>bench-${index}</report_id>\n` +
    `    <date_range>\n      <begin>${begin}</begin>\n      <end>${begin + 86399}</end>\n    </date_range>\n  </report_metadata>\n` +
    `  <policy_published>\n    <domain>example.com</domain>\n    <adkim>r</adkim>\n    <aspf>r</aspf>\n    <p>none</p>\n    <sp>none</sp>\n    <pct>100</pct>\n  </policy_published>\n`;
  const parts = [head];
  let size = head.length;
  for (let r = 0; size < targetBytes - 20; r++) {
    const n = index * 7919 + r * 104729;
    const ip = `${PREFIXES[n % 3]}.${n % 254 + 1}`;
    const pass = n % 5 !== 0;
    const rec =
      `  <record>\n    <row>\n      <source_ip>${ip}</source_ip>\n      <count>${(n % 40) + 1}</count>\n      <policy_evaluated>\n` +
      `        <disposition>none</disposition>\n        <dkim>${pass ? 'pass' : 'fail'}</dkim>\n        <spf>${n % 3 ? 'pass' : 'fail'}</spf>\n` +
      `      </policy_evaluated>\n    </row>\n    <identifiers>\n      <envelope_from>example.com</envelope_from>\n      <header_from>example.com</header_from>\n    </identifiers>\n` +
      `    <auth_results>\n      <dkim>\n        <domain>example.com</domain>\n        <selector>default</selector>\n        <result>${pass ? 'pass' : 'fail'}</result>\n      </dkim>\n` +
      `      <dkim>\n        <domain>esp${n % 9}.example.net</domain>\n        <selector>s${n % 4}</selector>\n        <result>pass</result>\n      </dkim>\n` +
      `      <spf>\n        <domain>example.com</domain>\n        <scope>mfrom</scope>\n        <result>${n % 3 ? 'pass' : 'softfail'}</result>\n      </spf>\n    </auth_results>\n  </record>\n`;
    parts.push(rec);
    size += rec.length;
  }
  parts.push('</feedback>\n');
  return new TextEncoder().encode(parts.join(''));
}

function zeroDeflate(mib) {
  const block = deflateRawSync(new Uint8Array(1024 * 1024), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const out = new Uint8Array(block.length * mib + 2);
  for (let i = 0; i < mib; i++) out.set(block, i * block.length);
  out.set([0x03, 0x00], block.length * mib);
  return out;
}

function gzipBomb(mib) {
  const body = zeroDeflate(mib);
  const out = new Uint8Array(10 + body.length + 8);
  out.set([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
  out.set(body, 10);
  return out;
}

function zipBomb(mib) {
  const data = zeroDeflate(mib);
  const name = new TextEncoder().encode('bomb.xml');
  const u16 = (v) => [v & 0xff, (v >>> 8) & 0xff];
  const u32 = (v) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
  const local = [...u32(0x04034b50), ...u16(20), ...u16(0), ...u16(8), ...u16(0), ...u16(0), ...u32(0), ...u32(data.length), ...u32(1000), ...u16(name.length), ...u16(0)];
  const out = new Uint8Array(local.length + name.length + data.length);
  out.set(local);
  out.set(name, local.length);
  out.set(data, local.length + name.length);
  return out;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Time the reader: `reports` reports totalling about `mb` MB of XML.
 * Returns figures in milliseconds (median of `runs`).
 */
export async function benchDmarcReports({ reports = 200, mb = 20, runs = 3 } = {}) {
  const { core, zipSync } = await loadCore();
  const per = Math.floor((mb * 1e6) / reports);
  const docs = Array.from({ length: reports }, (_, i) => generateReport(i, per));
  const xmlBytes = docs.reduce((n, d) => n + d.length, 0);
  const inputs = {
    xml: docs.map((bytes, i) => ({ name: `r${i}.xml`, bytes })),
    gzip: docs.map((bytes, i) => ({ name: `r${i}.xml.gz`, bytes: new Uint8Array(gzipSync(bytes)) })),
    zip: [{ name: 'all.zip', bytes: zipSync(Object.fromEntries(docs.map((bytes, i) => [`r${i}.xml`, bytes]))) }],
  };
  const yieldFn = () => new Promise((r) => setTimeout(r, 0));
  const figures = {};
  let check;
  for (const [kind, files] of Object.entries(inputs)) {
    const read = [];
    const agg = [];
    const cpu = [];
    for (let run = 0; run < runs; run++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const res = await core.loadReports(files, { yieldFn });
      const t1 = performance.now();
      const summary = core.aggregate(res.reports);
      const t2 = performance.now();
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
      if (res.errors.length || res.reports.length !== reports) throw new Error(`${kind}: ${res.errors.length} errors, ${res.reports.length} reports`);
      read.push(t1 - t0);
      agg.push(t2 - t1);
      check = { records: res.reports.reduce((n, r) => n + r.records.length, 0), messages: summary.totals.messages, sources: summary.sources.length };
    }
    const inputBytes = files.reduce((n, f) => n + f.bytes.length, 0);
    figures[kind] = {
      inputBytes,
      readMs: Math.round(median(read)),
      aggregateMs: Math.round(median(agg)),
      totalMs: Math.round(median(read.map((r, i) => r + agg[i]))),
      // CPU time of this process (user + system, all threads): close to the wall time on an idle machine.
      cpuMs: Math.round(median(cpu)),
    };
  }
  const bombs = {};
  for (const [kind, file] of [
    ['gzip1GiB', { name: 'bomb.xml.gz', bytes: gzipBomb(1024) }],
    ['zip1GiB', { name: 'bomb.zip', bytes: zipBomb(1024) }],
  ]) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const res = await core.loadReports([file], { yieldFn });
    const c = process.cpuUsage(c0);
    bombs[kind] = { ms: Math.round(performance.now() - t0), cpuMs: Math.round((c.user + c.system) / 1000), refused: res.errors.map((e) => `${e.file}: ${e.code}`).join(', ') };
  }
  return {
    reports,
    xmlBytes,
    ...check,
    figures,
    bombs,
    targetMs: 3000,
    node: process.version,
    cores: availableParallelism(),
    load: loadavg().map((l) => Number(l.toFixed(2))),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? Number(process.argv[i + 1]) : dflt;
  };
  const result = await benchDmarcReports({ reports: arg('reports', 200), mb: arg('mb', 20), runs: arg('runs', 3) });
  if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else {
    console.log(`DMARC reports: ${result.reports} reports, ${(result.xmlBytes / 1e6).toFixed(1)} MB XML, ${result.records} records, ${result.messages} messages, ${result.sources} source IPs`);
    console.log(`node ${result.node}, ${result.cores} cores, load ${result.load.join(' ')}`);
    for (const [kind, f] of Object.entries(result.figures)) {
      const ok = f.totalMs < result.targetMs ? '✓' : f.cpuMs < result.targetMs ? '✓ (by CPU time; the machine is busy)' : '✗';
      console.log(`  ${kind.padEnd(5)} input ${(f.inputBytes / 1e6).toFixed(1).padStart(5)} MB  read ${String(f.readMs).padStart(5)} ms  aggregate ${String(f.aggregateMs).padStart(4)} ms  total ${String(f.totalMs).padStart(5)} ms  cpu ${String(f.cpuMs).padStart(5)} ms  (target < ${result.targetMs} ms) ${ok}`);
    }
    for (const [kind, b] of Object.entries(result.bombs)) console.log(`  ${kind} refused in ${b.ms} ms, cpu ${b.cpuMs} ms (${b.refused})`);
  }
}
