// A status shown as a symbol, a word and a colour together: colour is never
// the only signal (WCAG 1.4.1). Colours come from --mg-* in src/styles/custom.css,
// which follow Starlight's light/dark theme.
import type { Lang } from '~/core';
import { uiStrings } from './strings';
import './widget.css';

export const BADGE_STATUSES = ['ok', 'warn', 'fail', 'error', 'pending', 'differs'] as const;
export type BadgeStatus = (typeof BADGE_STATUSES)[number];

const ICONS: Record<BadgeStatus, string> = {
  ok: '✓',
  warn: '!',
  fail: '✗',
  error: '?',
  pending: '…',
  differs: '≠',
};

export interface StatusBadgeProps {
  lang: Lang;
  status: BadgeStatus;
  /** Replaces the default word for the status (keep it short). */
  label?: string;
}

export function StatusBadge({ lang, status, label }: StatusBadgeProps) {
  return (
    <span className={`mg-badge mg-badge-${status}`}>
      <span className="mg-badge-icon" aria-hidden="true">
        {ICONS[status]}
      </span>
      <span>{label ?? uiStrings[lang].status[status]}</span>
    </span>
  );
}
