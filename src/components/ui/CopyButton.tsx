// Copies text to the clipboard and says so politely to screen readers.
// navigator.clipboard needs a secure context; the hidden-textarea fallback
// covers plain-http previews and older browsers.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Lang } from '~/core';
import { uiStrings } from './strings';
import './widget.css';

export interface CopyButtonProps {
  lang: Lang;
  /** The text to copy, or a function that returns it at click time. */
  text: string | (() => string);
  /**
   * Names what is copied ("Copy the answer as text"). Shown as the button text,
   * or, with `compact`, as its accessible name and tooltip.
   */
  label: string;
  /** Icon-only button for tight places such as table cells. */
  compact?: boolean;
  /** Visible content instead of `label` (keep `label` containing the same words). */
  children?: ReactNode;
  /** Data attributes for the button, e.g. { 'data-copy-report': '' } (a markup contract). */
  data?: Readonly<Record<`data-${string}`, string>>;
}

async function writeClipboard(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission refused: fall through to the textarea route.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  area.style.insetInlineStart = '-9999px';
  document.body.append(area);
  const active = document.activeElement;
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  if (active instanceof HTMLElement) active.focus();
  return ok;
}

/** Two overlapping sheets; an SVG so it does not depend on the fonts installed. */
function CopyIcon({ done }: { done: boolean }) {
  return (
    <svg className="mg-copy-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      {done ? (
        <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" strokeWidth="2" />
      ) : (
        <>
          <rect x="5" y="5" width="8.5" height="9.5" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M3 11V3a1.5 1.5 0 0 1 1.5-1.5H10" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </>
      )}
    </svg>
  );
}

export function CopyButton({ lang, text, label, compact = false, children, data }: CopyButtonProps) {
  const s = uiStrings[lang];
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onClick = async () => {
    const ok = await writeClipboard(typeof text === 'function' ? text() : text);
    setState(ok ? 'copied' : 'failed');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), ok ? 2000 : 6000);
  };

  return (
    <span className={`mg-copy${compact ? ' mg-copy-compact' : ''}`}>
      <button
        type="button"
        onClick={() => void onClick()}
        data-copied={state === 'copied' ? '' : undefined}
        {...data}
        {...(compact ? { 'aria-label': label, title: label } : {})}
      >
        <CopyIcon done={state === 'copied'} />
        {compact ? null : <span>{children ?? label}</span>}
      </button>
      <span className="mg-sr-only" role="status" aria-live="polite">
        {state === 'copied' ? s.copied : state === 'failed' ? s.copyFailed : ''}
      </span>
      {state === 'failed' && !compact ? <span className="mg-copy-failed">{s.copyFailed}</span> : null}
    </span>
  );
}
