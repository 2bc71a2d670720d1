// Figure: SPF evaluation in rounds of injected delay. evaluateSpf (src/core/spf/)
// asks, as soon as a record arrives, every lookup its terms will need, so a
// tree should cost as many round trips as it is deep. Measured in Node against
// the local DoH stack's delayed resolver (every answer D late, --delay), over
// the site's own DoH client, asking ahead (the default) and one question at a
// time as evaluation reaches it (`prefetch: false`), on:
//   - the Alibaba Mail set: complete.test → include:spf.qiye.aliyun.com, an IP in its 192.0.2.0/24;
//   - a three-level include tree: spf-tree.test → one → two → three, each level with a
//     term that does not match first, the IP matched by the mx of the last record.
// "Rounds" = elapsed / D; "questions" = questions that went to the resolver.
import { loadCore, median } from '../project.mjs';
import { startDns } from '../processes.mjs';

const RUNS = 3;

/**
 * The cases, with the round trips a depth-first evaluation needs when it asks
 * ahead: each record level, then what the deciding term asks below it.
 */
const CASES = [
  {
    id: 'alibaba',
    label: 'Alibaba set (complete.test, 192.0.2.25)',
    ip: '192.0.2.25',
    sender: 'postmaster@complete.test',
    helo: 'mail.complete.test',
    expected: 'pass',
    // TXT complete.test, then TXT spf.qiye.aliyun.com (ip4 matches there).
    depth: 2,
  },
  {
    id: 'tree',
    label: 'Three-level include tree (spf-tree.test, 203.0.113.25)',
    ip: '203.0.113.25',
    sender: 'postmaster@spf-tree.test',
    helo: 'out.spf-tree.test',
    expected: 'pass',
    // TXT at four levels, then MX three.spf-tree.test, then A out.spf-tree.test.
    depth: 6,
  },
];

async function evaluateOnce(core, resolverUrl, c, prefetch) {
  const { createDohClient, customResolver, evaluateSpf } = core;
  const client = createDohClient({ fetch: globalThis.fetch.bind(globalThis), resolvers: [customResolver(resolverUrl)] });
  let questions = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  // Counts what goes to the resolver (the evaluation asks each name and type once).
  const query = (name, type, signal) => {
    questions++;
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    const p = client.query(name, type, signal);
    p.then(
      () => inFlight--,
      () => inFlight--,
    );
    return p;
  };
  const started = performance.now();
  const evaluation = await evaluateSpf({ ip: c.ip, sender: c.sender, helo: c.helo, query, prefetch });
  const ms = performance.now() - started;
  return { ms, questions, maxInFlight, result: evaluation.result, used: evaluation.trail.lookups.length, dnsTerms: evaluation.trail.dnsTerms };
}

async function run({ options, report }) {
  const D = options.delayMs;
  console.error(`▶ spf (D = ${D} ms) …`);
  const stack = await startDns({ base: options.dnsPortBase, delayMs: D });
  const core = await loadCore();
  const out = { delayMs: D, cases: {} };
  try {
    // One evaluation first, not measured: the stack's first answers (zone loading, connections) are slower.
    await evaluateOnce(core, stack.urls.slow, CASES[0], true);
    for (const c of CASES) {
      const modes = {};
      for (const [mode, prefetch] of [
        ['ahead', true],
        ['oneAtATime', false],
      ]) {
        const runs = [];
        for (let i = 0; i < RUNS; i++) runs.push(await evaluateOnce(core, stack.urls.slow, c, prefetch));
        const ms = median(runs.map((r) => r.ms));
        modes[mode] = { medianMs: ms, rounds: ms / D, runs };
      }
      // The same evaluation without the delay: what the machine itself adds (parsing, the client, the stack).
      const undelayed = [];
      for (let i = 0; i < RUNS; i++) undelayed.push(await evaluateOnce(core, stack.urls.resolver, c, true));
      modes.undelayed = { medianMs: median(undelayed.map((r) => r.ms)), runs: undelayed };
      out.cases[c.id] = { ...c, ...modes };
    }
  } finally {
    stack.stop();
  }

  report.section(`SPF evaluation — evaluateSpf in Node, resolver delayed by D = ${D} ms, median of ${RUNS}`);
  for (const c of CASES) {
    const { ahead, oneAtATime, undelayed } = out.cases[c.id];
    const a = ahead.runs[0];
    const s = oneAtATime.runs[0];
    report.row(
      `${c.label}: asked ahead`,
      `${ahead.rounds.toFixed(2)} rounds (${ahead.medianMs.toFixed(0)} ms), ${a.questions} questions, ${a.maxInFlight} at most in flight`,
      `≈ ${c.depth} rounds (its depth), under ${c.depth + 1}`,
      ahead.rounds < c.depth + 1,
    );
    report.row(
      '  one question at a time (prefetch: false)',
      `${oneAtATime.rounds.toFixed(2)} rounds (${oneAtATime.medianMs.toFixed(0)} ms), ${s.questions} questions`,
      `ahead saves ${Math.max(0, oneAtATime.rounds - ahead.rounds).toFixed(2)} rounds`,
    );
    report.row('  asked ahead, no delay (the machine’s own time)', `${undelayed.medianMs.toFixed(0)} ms`);
    const wrong = [...ahead.runs, ...oneAtATime.runs, ...undelayed.runs].filter((r) => r.result !== c.expected);
    if (wrong.length) report.note(`SPF ${c.id}: expected ${c.expected}, got ${wrong.map((r) => r.result).join(', ')}`);
  }
  return out;
}

/** @type {import('./index.mjs').Figure} */
export default {
  id: 'spf',
  needs: 'none',
  describe: 'evaluateSpf in rounds of resolver delay: Alibaba set and a three-level include tree, asked ahead vs one at a time',
  run,
};
