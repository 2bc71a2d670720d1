// The record generator and live checker. Presentation only: state in
// useChecker.ts (one reducer, state.ts), logic in ~/core. Markup contract
// (architecture §3): one row per expected record with data-record /
// data-status, one element per finding with data-problem (ui/RecordTable).
import { hostField, type Lang, type RecordId } from '~/core';
import { CopyReport } from '../ui/CopyReport';
import { RecordTable } from '../ui/RecordTable';
import { uiStrings } from '../ui/strings';
import { useResolvers } from '../ui/useResolvers';
import { CheckerExports } from './CheckerExports';
import { CheckerFields } from './CheckerFields';
import { CheckerStatus, rowAnchor } from './CheckerStatus';
import { HostPitfalls } from './HostPitfalls';
import { checkerReport } from './report';
import { countStatuses } from './state';
import { strings } from './strings';
import { useChecker } from './useChecker';
import '../ui/widget.css';
import './Checker.css';

export interface CheckerProps {
  lang: Lang;
  /** Base path of the site ('/' or '/guide/'), for links to guide pages. */
  base: string;
  /** Show only these records (troubleshooting pages). */
  records?: readonly RecordId[];
}

export default function Checker({ lang, base, records }: CheckerProps) {
  const resolvers = useResolvers(lang);
  const c = useChecker({ resolvers: resolvers.resolvers, leader: resolvers.leader, resolversReady: resolvers.ready, only: records });
  const { state } = c;
  const ascii = c.domain?.ok ? c.domain.ascii : undefined;

  return (
    <div className="mg-widget mg-checker" data-widget="checker">
      <CheckerFields
        lang={lang}
        form={c.form}
        domain={c.domain}
        update={c.update}
        resolvers={resolvers}
        running={c.running}
        watching={state.watch.on}
        run={c.run}
        stop={c.stop}
        startWatching={(notify) => void c.startWatching(notify)}
      />
      <div className="mg-results">
        <CheckerStatus lang={lang} base={base} state={state} allPassed={c.allPassed} stop={c.stop} />
      {ascii && c.published.length > 0 ? (
        <>
          <div className="mg-actions">
            <CopyReport
              lang={lang}
              disabled={state.phase !== 'done'}
              report={() =>
                checkerReport({
                  lang,
                  title: strings[lang].reportTitle(c.domain?.ok ? c.domain.unicode : ascii),
                  ascii,
                  host: c.form.host,
                  records: c.published,
                  state,
                  resolvers: resolvers.resolvers,
                  verdict: uiStrings[lang].summary.verdict(countStatuses(state.rows), state.rows.size),
                })
              }
            />
          </div>
          <RecordTable
            rowId={rowAnchor}
            lang={lang}
            base={base}
            caption={uiStrings[lang].table.caption(c.domain?.ok ? c.domain.unicode : ascii)}
            records={c.published}
            rows={state.rows}
            hostText={(rec) => hostField(rec.name, ascii, c.form.host)}
            checkedAt={state.checkedAt}
          />
          <CheckerExports lang={lang} ascii={ascii} records={c.published} host={c.form.host} />
          <HostPitfalls lang={lang} base={base} hostId={c.form.host} />
          <p className="mg-hint">{strings[lang].cannotCheck}</p>
        </>
      ) : null}
      </div>
    </div>
  );
}
