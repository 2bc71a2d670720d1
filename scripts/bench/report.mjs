// The printed table: figures add sections, rows (figure, value, target, ✓/✗)
// and notes; main prints them and stores them in bench-results/latest.json.

/** A fresh report: `section(title)`, `row(figure, value, target?, ok?)`, `note(text)`. */
export function createReport() {
  const table = [];
  const notes = [];
  return {
    table,
    notes,
    section: (title) => table.push({ section: title }),
    row: (figure, value, target = '', ok = undefined) => table.push({ figure, value, target, ok }),
    note: (text) => notes.push(text),
  };
}

const mark = (ok) => (ok === undefined ? ' ' : ok ? '✓' : '✗');

/** The table as printed, headed by the machine and its load. */
export function formatReport(report, results) {
  const rows = report.table.filter((r) => !r.section);
  const w1 = Math.max(...rows.map((r) => r.figure.length), 10);
  const w2 = Math.max(...rows.map((r) => r.value.length), 10);
  const lines = [''];
  const load = `load average ${results.machine.loadAtStart.toFixed(1)} → ${results.machine.loadAtEnd.toFixed(1)}`;
  lines.push(`Benchmark ${results.startedAt} · ${results.machine.cpus} cores, ${load} · Node ${results.machine.node}`);
  lines.push('Timings (build, latency, Lighthouse performance) depend on the load average: compare runs on an idle machine.');
  for (const r of report.table) {
    if (r.section) {
      lines.push('', r.section, '─'.repeat(Math.min(w1 + w2 + 30, 140)));
    } else {
      lines.push(`${mark(r.ok)} ${r.figure.padEnd(w1)}  ${r.value.padEnd(w2)}  ${r.target}`.trimEnd());
    }
  }
  if (report.notes.length) {
    lines.push('', 'Notes');
    for (const n of report.notes) lines.push(`  - ${n}`);
  }
  lines.push('');
  return lines.join('\n');
}
