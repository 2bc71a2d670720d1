// The SPF tool's plain-text report for a ticket (the one format of
// ../ui/report.ts): the expansion as one row — its verdict as the page shows
// it, the record, the lookup and void counts against their limits, each
// finding's text and fix, the include tree — and, when an IP was tested, the
// test as a second row: the result word, what it means, which term decided and
// through which includes (or why there was no result), and every DNS lookup it
// used. Anything from DNS is shortened as the page shows it. No React.
import {
  describeFinding,
  spfDecidingPath,
  SPF_DNS_TERM_LIMIT,
  SPF_LOOKUP_LIMIT,
  SPF_VOID_LIMIT,
  SPF_VOID_LOOKUP_LIMIT,
  truncateForDisplay,
  type Lang,
  type Messages,
  type Resolver,
  type SpfNode,
} from '~/core';
import { reportResolvers, type ReportBody, type ReportRow } from '../ui/report';
import { uiStrings } from '../ui/strings';
import { lookupOutcomeText, problemText } from './describe';
import { strings } from './strings';
import type { SpfRunEnd, SpfState, SpfTestState } from './useSpfInspector';

const RECORD_MAX = 2000;
const TERM_MAX = 200;
/** Nodes of the include tree written out at most (a tree can be wide). */
const TREE_MAX = 60;

export function spfReport(args: {
  lang: Lang;
  state: Extract<SpfState, { kind: 'done' }>;
  testState: SpfTestState;
  ended: SpfRunEnd | undefined;
  resolvers: readonly Resolver[];
  /** The core's messages, once loaded (finding text); the codes stand in before. */
  messages: Messages | undefined;
}): ReportBody {
  const { lang, state, testState, messages } = args;
  const t = strings[lang];
  const { sep, semi, open, close } = uiStrings[lang].report;
  const { expansion, verdict } = state;
  const rows: ReportRow[] = [];

  const lines: string[] = [];
  const root = expansion.root;
  lines.push(`${t.reportRecord}${sep}${root.record !== undefined ? truncateForDisplay(root.record, RECORD_MAX) : t.noRecord}`);
  lines.push(`${t.lookups}${sep}${expansion.lookupCount} / ${t.limit(SPF_LOOKUP_LIMIT)}${semi}${t.voids}${sep}${expansion.voidCount} / ${t.limit(SPF_VOID_LIMIT)}`);
  if (verdict.findings.length === 0) lines.push(t.none);
  for (const f of verdict.findings) {
    if (!messages) {
      lines.push(f.code);
      continue;
    }
    const d = describeFinding(f, messages);
    lines.push(`${d.text} ${d.fix}`.trim());
  }
  if (expansion.truncated) lines.push(t.truncated);
  const tree = treeLines(root, lang);
  if (tree.length > 1) lines.push(`${t.tree}${sep}`.trimEnd(), ...tree);
  rows.push({ label: t.reportExpansion(state.domain), status: uiStrings[lang].status[verdict.status], lines });

  if (testState.kind === 'done') {
    const { test, evaluation } = testState;
    const { trail } = evaluation;
    const words = t.results[evaluation.result];
    const testLines: string[] = [t.identity[test.identity](test.domain, truncateForDisplay(test.mailFrom, 120)), words.meaning(test.ip, evaluation.domain)];
    if (evaluation.explanation !== undefined) testLines.push(`${t.explanation} ${truncateForDisplay(evaluation.explanation, 1000)}`);
    const path = spfDecidingPath(trail.root);
    const last = path[path.length - 1];
    if (last && (last.term.outcome === 'match' || !trail.problem)) {
      const via = path.length > 1 ? `${lang === 'zh' ? '' : ' '}${t.reachedVia}${path.map((step) => truncateForDisplay(step.term.term, TERM_MAX)).join(' → ')}` : '';
      testLines.push(`${t.decidedBy(truncateForDisplay(last.term.term, TERM_MAX), truncateForDisplay(last.record.domain, TERM_MAX))}${via}`);
    } else if (evaluation.result === 'neutral' && !trail.problem) testLines.push(t.noMatch);
    if (trail.problem) testLines.push(`${t.why}${problemText(trail.problem, trail.lookups, lang, messages)}`);
    testLines.push(
      `${t.dnsTerms}${sep}${trail.dnsTerms} / ${t.limit(SPF_DNS_TERM_LIMIT)}${semi}${t.voidLookups}${sep}${trail.voidLookups} / ${t.limit(SPF_VOID_LOOKUP_LIMIT)}`,
    );
    if (trail.lookups.length > 0) {
      testLines.push(`${t.lookupsTitle}${sep}`.trimEnd());
      trail.lookups.forEach((l, i) => {
        const data = l.data.length > 0 ? ` — ${l.data.slice(0, 10).map((d) => truncateForDisplay(d, 200)).join(', ')}${l.data.length > 10 ? ` (${t.more(l.data.length - 10)})` : ''}` : '';
        testLines.push(`${i + 1}. ${truncateForDisplay(l.name, TERM_MAX)} ${l.type}${open}${t.purposes[l.purpose]}${close}${sep}${lookupOutcomeText(l, lang)}${data}`);
      });
    }
    rows.push({ label: t.testTitle(test.ip), status: words.title, lines: testLines });
  } else if (testState.kind === 'failed') {
    rows.push({ label: t.testTitle(testState.test.ip), status: uiStrings[lang].status.error, lines: [t.testFailed] });
  }

  return {
    title: t.reportTitle(state.domain),
    ranAt: args.ended?.at,
    resolvers: reportResolvers(args.resolvers, args.ended?.answeredBy ?? [], lang),
    verdict: t.summary(state.domain, expansion.lookupCount, expansion.voidCount, state.ms),
    rows,
  };
}

/** The include tree, one node a line, indented by depth: "· a.example.com (include, DNS lookups 3): v=spf1 …". */
function treeLines(root: SpfNode, lang: Lang): string[] {
  const t = strings[lang];
  const out: string[] = [];
  const walk = (node: SpfNode, depth: number): void => {
    if (out.length >= TREE_MAX) return;
    const status = node.status === 'ok' ? '' : ` [${t.statuses[node.status]}]`;
    const counts = [node.via, ...(node.lookups > 0 ? [`${t.lookups} ${node.lookups}`] : []), ...(node.voids > 0 ? [`${t.voids} ${node.voids}`] : [])].join(', ');
    const record = node.record !== undefined ? `: ${truncateForDisplay(node.record, RECORD_MAX)}` : '';
    out.push(`${'· '.repeat(depth)}${truncateForDisplay(node.domain, TERM_MAX)} (${counts})${status}${record}`);
    for (const term of node.terms) if (term.child) walk(term.child, depth + 1);
  };
  walk(root, 0);
  return out;
}
