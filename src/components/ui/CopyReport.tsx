// "Copy report": the plain-text report of a tool's last run (ui/report.ts), for
// a support ticket. Markup contract (architecture §3): the button carries
// data-copy-report.
import type { Lang } from '~/core';
import { CopyButton } from './CopyButton';
import { formatReport, type ReportInput } from './report';
import { uiStrings } from './strings';

export function CopyReport({ lang, report, disabled }: { lang: Lang; report: () => Omit<ReportInput, 'lang' | 'url'>; disabled?: boolean }) {
  if (disabled) {
    return (
      <button type="button" disabled data-copy-report="">
        {uiStrings[lang].copyReport}
      </button>
    );
  }
  return (
    <CopyButton
      lang={lang}
      label={uiStrings[lang].copyReport}
      data={{ 'data-copy-report': '' }}
      text={() => formatReport({ ...report(), lang, url: window.location.href })}
    />
  );
}
