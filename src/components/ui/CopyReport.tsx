// "Copy report": the plain-text report of a tool's last run (ui/report.ts), for
// a support ticket. Markup contract (architecture §3): the button carries
// data-copy-report. Shown disabled until there is a result to report.
import type { Lang } from '~/core';
import { CopyButton } from './CopyButton';
import { formatReport, reportLink, type ReportBody } from './report';
import { uiStrings } from './strings';
import type { UrlPatch } from './urlParams';

export interface CopyReportProps {
  lang: Lang;
  /** The report of the result shown, built at click time. */
  report: () => ReportBody;
  /** No result to report yet (or one still coming). */
  disabled?: boolean;
  /**
   * The link the report carries (ui/report.ts reportLink): the page with its
   * tool parameters, patched with `params` (default), or, for a tool whose
   * input is private (a message, report files), the bare page.
   */
  link?: { readonly bare: true } | { readonly params: UrlPatch };
}

export function CopyReport({ lang, report, disabled, link }: CopyReportProps) {
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
      text={() => {
        const url =
          link && 'bare' in link
            ? reportLink(window.location.href, 'bare')
            : reportLink(window.location.href, 'params', link?.params);
        return formatReport({ ...report(), lang, url });
      }}
    />
  );
}
