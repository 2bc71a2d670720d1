// Choose which DoH resolvers a widget asks: automatic (the first of a mainland
// and an overseas resolver to answer leads, remembered for the next visit), a
// chosen preset order, and an optional custom endpoint. The summary shows the
// order in use, the resolver asked first at its head. A custom endpoint from a
// `?resolver=` link is announced in plain view with a button to stop using it
// (architecture §3), after the summary line: the page learns of it only once the
// widget runs, and a widget that ends its form with the picker (the checker)
// then moves nothing already drawn. No <form> here: the picker sits inside other widgets'
// forms, so Enter in the address field is handled by hand.
import { useId, useState, type KeyboardEvent } from 'react';
import type { Lang } from '~/core';
import { uiStrings } from './strings';
import type { ResolverChoice, ResolverState } from './useResolvers';
import './widget.css';

export interface ResolverPickerProps {
  lang: Lang;
  state: ResolverState;
  /** Offer the automatic / China-first / global-first choice (off where every resolver is asked at once). */
  showOrder?: boolean;
}

export function ResolverPicker({ lang, state, showOrder = true }: ResolverPickerProps) {
  const s = uiStrings[lang];
  const id = useId();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<'invalid-url' | 'insecure-url' | undefined>(undefined);
  const [message, setMessage] = useState('');

  const save = () => {
    const result = state.saveCustom(draft);
    if (result.ok) {
      setError(undefined);
      setDraft('');
      setMessage(s.customSaved(result.url));
    } else {
      setError(result.code);
      setMessage('');
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault(); // do not submit the surrounding widget's form
      save();
    }
  };
  const forget = () => {
    state.forgetCustom();
    setMessage(s.customRemoved);
  };

  const order = showOrder ? orderText(state, lang) : state.resolvers.map((r) => r.name[lang]).join(lang === 'zh' ? '、' : ', ');

  return (
    <div className="mg-resolver-picker">
      <details className="mg-options">
        <summary data-resolver-first={showOrder ? (state.lineup.order[0]?.id ?? '') : undefined}>
          {s.resolvers}
          {lang === 'zh' ? '：' : ': '}
          {order}
        </summary>
        {showOrder ? (
          <fieldset className="mg-fieldset">
            <legend>{s.orderLegend}</legend>
            {(['auto', 'cn', 'global'] as const satisfies readonly ResolverChoice[]).map((c) => (
              <label key={c} className="mg-radio">
                <input
                  type="radio"
                  name={`${id}-order`}
                  value={c}
                  checked={state.choice === c}
                  onChange={() => state.setChoice(c)}
                />{' '}
                {c === 'auto' ? s.orderAuto : c === 'cn' ? s.orderCn : s.orderGlobal}
              </label>
            ))}
            <p className="mg-hint">{s.orderHint}</p>
          </fieldset>
        ) : null}
        <div className="mg-field">
          <label htmlFor={`${id}-custom`}>{s.customLabel}</label>
          <div className="mg-inline">
            <input
              id={`${id}-custom`}
              type="url"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              placeholder="https://…/dns-query"
              value={draft}
              aria-describedby={`${id}-custom-hint ${id}-custom-error`}
              aria-invalid={error ? true : undefined}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={onKeyDown}
            />
            <button type="button" onClick={save} disabled={draft.trim() === ''}>
              {s.customUse}
            </button>
          </div>
          <p id={`${id}-custom-hint`} className="mg-hint">
            {s.customHint}
          </p>
          <p id={`${id}-custom-error`} className="mg-error" role="alert">
            {error ? s.urlErrors[error] : ''}
          </p>
          {state.savedUrl ? (
            <p className="mg-hint" data-resolver-notice="saved">
              {s.savedInUse}
              <code>{state.savedUrl}</code>{' '}
              <button type="button" onClick={forget}>
                {s.customForget}
              </button>
            </p>
          ) : null}
          <p className="mg-sr-only" role="status" aria-live="polite">
            {message}
          </p>
        </div>
      </details>
      {/* Two lines each, whatever the address (widget.css: room kept for them from the first paint). */}
      <div className="mg-resolver-notices">
        {state.custom?.source === 'link' ? (
          <p className="mg-notice" data-resolver-notice="link">
            <span>{s.linkInUse}</span>{' '}
            <button type="button" className="mg-small" onClick={state.stopUsingLink}>
              {s.linkStop}
            </button>{' '}
            <code title={state.custom.url}>{state.custom.url}</code>
          </p>
        ) : null}
        {state.linkProblem ? (
          <p className="mg-notice mg-notice-warn" data-resolver-notice="refused">
            <span>{s.linkRefused}</span>{' '}
            <span title={`${state.linkProblem.value} — ${s.urlErrors[state.linkProblem.code]}`}>
              <code>{state.linkProblem.value}</code> — {s.urlErrors[state.linkProblem.code]}
            </span>
          </p>
        ) : null}
      </div>
    </div>
  );
}

/**
 * The order the next question is asked in: the resolvers raced at once first,
 * then the rest; when automatic and one has answered first, it is marked.
 */
function orderText(state: ResolverState, lang: Lang): string {
  const s = uiStrings[lang];
  const { order, atOnce } = state.lineup;
  const names = order.map((r) => r.name[lang]);
  const head =
    atOnce > 1
      ? s.atOnce(names.slice(0, atOnce).join(lang === 'zh' ? '、' : ' + '))
      : state.leader?.leaderId !== undefined && names[0] !== undefined
        ? s.answeredFirst(names[0])
        : names[0];
  return [head, ...names.slice(atOnce)].filter((n) => n !== undefined).join(' → ');
}
