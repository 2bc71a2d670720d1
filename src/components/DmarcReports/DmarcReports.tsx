// The DMARC report viewer (/tools/dmarc-reports/). Presentation only: state
// in useDmarcReports.ts, pure view logic in model.ts, figures from ~/core.
// Rendered by a per-language entry (DmarcReportsZh.tsx / DmarcReportsEn.tsx)
// that passes its language's strings, so a page loads one language only.
// At load the page carries the picker, the resolver choice and the load
// status; the results view (DmarcResults.tsx) is its own chunk, fetched as
// soon as files are chosen, while the worker reads them.
// Markup contract (architecture §3): [data-file-error] per refused file here;
// the rest in the results view. Nothing from a report is rendered as markup:
// every value is a React text node or attribute.
import { lazy, Suspense } from 'react';
import type { Lang, ReportsText } from '~/core';
import { ResolverPicker } from '../ui/ResolverPicker';
import { useResolvers } from '../ui/useResolvers';
import { DropZone, LoadStatus, RefusedFiles } from './DmarcInput';
import type { DmarcStrings } from './strings.zh';
import { useDmarcReports } from './useDmarcReports';
import '../ui/widget.css';
import './DmarcReports.css';

const loadResults = () => import('./DmarcResults');
const DmarcResults = lazy(loadResults);

export interface DmarcReportsProps {
  lang: Lang;
  /** Base path of the site ('/' or '/guide/'), for links to guide pages. */
  base: string;
  /** This language's widget strings and report wording. */
  s: DmarcStrings;
  text: ReportsText;
}

export default function DmarcReports({ lang, base, s, text }: DmarcReportsProps) {
  const resolverState = useResolvers(lang);
  const r = useDmarcReports({ resolvers: resolverState.resolvers, resolversReady: resolverState.ready });
  const onFiles = (files: readonly File[]): boolean => {
    // The results view is fetched while the worker reads (a failed fetch is retried when it renders).
    loadResults().catch(() => {});
    return r.load(files);
  };

  return (
    <div className="mg-widget mg-dmarc" data-widget="dmarc-reports">
      <div className="mg-dmarc-input">
        <DropZone s={s} reading={r.reading} onFiles={onFiles} />
        <ResolverPicker lang={lang} state={resolverState} />
        <LoadStatus
          s={s}
          phase={r.phase}
          reports={r.reports.length}
          files={r.files}
          duplicates={r.duplicates}
          onCancel={r.cancel}
        />
      </div>
      <RefusedFiles s={s} text={text} refused={r.refused} />
      {r.reports.length > 0 ? (
        <Suspense fallback={null}>
          <DmarcResults lang={lang} base={base} s={s} text={text} r={r} resolvers={resolverState.resolvers} />
        </Suspense>
      ) : r.reading ? null : (
        <p className="mg-hint" data-empty="">
          {s.empty}
        </p>
      )}
    </div>
  );
}
