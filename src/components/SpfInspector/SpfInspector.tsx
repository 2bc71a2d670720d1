// SPF inspector: the include/redirect tree as nested lists (native <details>,
// so it expands by keyboard), the lookup count against 10 and void lookups
// against 2 (RFC 7208 §4.6.4), loops, syntax errors pointed at the term, the
// address ranges each branch authorises, and a verdict with the fix.
// Markup contract: data-spf-lookups (total count) and data-status (verdict).
import { useId, type FormEvent, type ReactElement } from 'react';
import {
  domainErrorMessage,
  SPF_LOOKUP_LIMIT,
  SPF_VOID_LIMIT,
  type Lang,
  type SpfNode,
  type SpfTermInfo,
} from '~/core';
import { FindingList } from '../ui/FindingList';
import { useMessages } from '../ui/useMessages';
import { ResolverPicker } from '../ui/ResolverPicker';
import { StatusBadge } from '../ui/StatusBadge';
import { TextField } from '../ui/TextField';
import { useResolvers } from '../ui/useResolvers';
import { useSpfInspector } from './useSpfInspector';
import '../ui/widget.css';
import './SpfInspector.css';

const text = {
  zh: {
    domain: '要检查 SPF 的域名',
    hint: '例如 example.com，或第三方平台的域名（如 shopify.com）',
    run: '展开 SPF',
    running: '正在展开…',
    lookups: 'DNS 查询次数',
    voids: '空查询次数',
    limit: (n: number) => `上限 ${n}`,
    tree: 'SPF 展开树',
    noRecord: '没有 SPF 记录',
    authorised: '授权的地址段',
    lookupCost: '计 1 次查询',
    void: '空查询（名称不存在或没有记录）',
    loop: '循环引用，未继续展开',
    truncated: '嵌套太深或查询太多，已停止展开：计数是下限',
    syntaxAt: (term: string) => `语法错误：${term}`,
    none: '没有发现问题。',
    summary: (d: string, n: number, v: number, ms: number) =>
      `${d}：共 ${n} 次 DNS 查询，${v} 次空查询，用时 ${ms} 毫秒。`,
    statuses: {
      'no-record': '没有 SPF 记录',
      multiple: '有多条 SPF 记录',
      nxdomain: '域名不存在',
      error: '查询失败',
      depth: '嵌套过深',
      truncated: '已截断',
      macro: '含宏，无法静态展开',
      loop: '循环',
      ok: '',
    },
  },
  en: {
    domain: 'Domain whose SPF to inspect',
    hint: 'e.g. example.com, or a platform’s domain such as shopify.com',
    run: 'Expand SPF',
    running: 'Expanding…',
    lookups: 'DNS lookups',
    voids: 'Void lookups',
    limit: (n: number) => `limit ${n}`,
    tree: 'SPF tree',
    noRecord: 'No SPF record',
    authorised: 'Authorised ranges',
    lookupCost: 'costs 1 lookup',
    void: 'void lookup (name does not exist or has no records)',
    loop: 'loop: not followed again',
    truncated: 'Nesting or question budget reached: counts are lower bounds',
    syntaxAt: (term: string) => `Syntax error: ${term}`,
    none: 'No problems found.',
    summary: (d: string, n: number, v: number, ms: number) => `${d}: ${n} DNS lookups, ${v} void lookups, in ${ms} ms.`,
    statuses: {
      'no-record': 'no SPF record',
      multiple: 'several SPF records',
      nxdomain: 'domain does not exist',
      error: 'lookup failed',
      depth: 'nested too deep',
      truncated: 'truncated',
      macro: 'uses macros: not expanded',
      loop: 'loop',
      ok: '',
    },
  },
} as const;

export interface SpfInspectorProps {
  lang: Lang;
  base: string;
}

export default function SpfInspector({ lang, base }: SpfInspectorProps) {
  const t = text[lang];
  const id = useId();
  const resolverState = useResolvers(lang);
  const s = useSpfInspector(resolverState.resolvers, resolverState.ready, resolverState.leader);
  const messages = useMessages(lang);
  const error = s.domain && !s.domain.ok && messages ? domainErrorMessage(s.domain.error, messages) : '';
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    s.run();
  };
  const done = s.state.kind === 'done' ? s.state : undefined;

  return (
    <div className="mg-widget mg-spf" data-widget="spf-inspector">
      <form onSubmit={onSubmit} noValidate>
        <TextField
          id={`${id}-domain`}
          label={t.domain}
          hint={t.hint}
          error={error}
          autoCapitalize="off"
          maxLength={2048}
          value={s.input}
          onValue={s.setInput}
        />
        <ResolverPicker lang={lang} state={resolverState} />
        <div className="mg-actions">
          <button type="submit" className="mg-primary" disabled={!s.domain?.ok || s.state.kind === 'running'}>
            {s.state.kind === 'running' ? t.running : t.run}
          </button>
        </div>
      </form>

      <div aria-live="polite" className="mg-status" role="status">
        {done ? t.summary(done.domain, done.expansion.lookupCount, done.expansion.voidCount, done.ms) : ''}
      </div>

      {s.state.kind === 'running' ? (
        <div data-status="pending" data-spf-lookups="">
          <StatusBadge lang={lang} status="pending" />
        </div>
      ) : null}

      {done ? (
        <section
          className="mg-spf-result"
          data-status={done.verdict.status}
          data-spf-lookups={done.expansion.lookupCount}
          data-spf-voids={done.expansion.voidCount}
          aria-label={done.domain}
        >
          <div className="mg-spf-counters">
            <StatusBadge lang={lang} status={done.verdict.status} />
            <Counter
              label={t.lookups}
              value={done.expansion.lookupCount}
              limit={SPF_LOOKUP_LIMIT}
              limitText={t.limit(SPF_LOOKUP_LIMIT)}
            />
            <Counter
              label={t.voids}
              value={done.expansion.voidCount}
              limit={SPF_VOID_LIMIT}
              limitText={t.limit(SPF_VOID_LIMIT)}
            />
          </div>
          {done.verdict.findings.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <FindingList findings={done.verdict.findings} lang={lang} base={base} />
          )}
          {done.expansion.truncated ? <p className="mg-notice mg-notice-warn">{t.truncated}</p> : null}
          {/* Not a heading: the widget sits at different heading levels on different pages. */}
          <p id={`${id}-tree`} className="mg-spf-tree-title">
            {t.tree}
          </p>
          <ul className="mg-spf-tree" aria-labelledby={`${id}-tree`}>
            <NodeView node={done.expansion.root} lang={lang} open />
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function Counter(props: { label: string; value: number; limit: number; limitText: string }) {
  const over = props.value > props.limit;
  return (
    <span className={`mg-spf-counter${over ? ' mg-over' : ''}`}>
      {props.label}: <strong>{props.value}</strong> / {props.limitText}
    </span>
  );
}

function NodeView({ node, lang, open = false }: { node: SpfNode; lang: Lang; open?: boolean }) {
  const t = text[lang];
  const status = node.status === 'ok' ? '' : t.statuses[node.status];
  const ranges = [...node.ip4, ...node.ip6];
  return (
    <li data-spf-node={node.domain} data-spf-node-status={node.status}>
      <details open={open}>
        <summary>
          <code>{node.domain}</code>{' '}
          <span className="mg-hint">
            ({node.via}
            {node.lookups > 0 ? ` · ${t.lookups} ${node.lookups}` : ''}
            {node.voids > 0 ? ` · ${t.voids} ${node.voids}` : ''})
          </span>
          {status ? <span className="mg-spf-flag"> {status}</span> : null}
        </summary>
        {node.record !== undefined ? (
          <p>
            <RecordText node={node} />
          </p>
        ) : null}
        {ranges.length > 0 ? (
          <p className="mg-hint">
            {t.authorised}: {ranges.slice(0, 50).join(', ')}
            {ranges.length > 50 ? ` … (+${ranges.length - 50})` : ''}
          </p>
        ) : null}
        {node.terms.some((term) => term.lookups > 0 || term.child) ? (
          <ul>
            {node.terms.map((term, i) => (
              <TermView key={i} term={term} lang={lang} />
            ))}
          </ul>
        ) : null}
      </details>
    </li>
  );
}

function TermView({ term, lang }: { term: SpfTermInfo; lang: Lang }) {
  const t = text[lang];
  if (term.child) return <NodeView node={term.child} lang={lang} />;
  if (term.lookups === 0 && !term.void) return null;
  return (
    <li data-spf-term={term.term.raw}>
      <code>{term.term.raw}</code>
      <span className="mg-hint">
        {' '}
        · {t.lookupCost}
        {term.void ? ` · ${t.void}` : ''}
        {term.error ? ` · ${term.error}` : ''}
        {term.addresses.length > 0 ? ` · ${term.addresses.slice(0, 10).join(', ')}` : ''}
      </span>
    </li>
  );
}

/** The record text with syntax errors marked at their exact offsets. */
function RecordText({ node }: { node: SpfNode }) {
  const record = node.record ?? '';
  const errors = [...(node.parsed?.errors ?? [])].sort((a, b) => a.start - b.start);
  if (errors.length === 0) return <code className="mg-value">{record}</code>;
  const parts: ReactElement[] = [];
  let at = 0;
  errors.forEach((e, i) => {
    if (e.start < at) return;
    parts.push(<span key={`t${i}`}>{record.slice(at, e.start)}</span>);
    parts.push(
      <mark key={`e${i}`} data-spf-error={e.code} title={e.code}>
        {record.slice(e.start, Math.max(e.end, e.start + 1))}
      </mark>,
    );
    at = Math.max(e.end, e.start + 1);
  });
  parts.push(<span key="rest">{record.slice(at)}</span>);
  return <code className="mg-value">{parts}</code>;
}
