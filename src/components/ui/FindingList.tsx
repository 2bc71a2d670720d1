// One list item per finding, in the contract markup (data-problem, and the
// severity for styling): what is wrong, what to change, and the guide page.
import { describeFinding, type Finding, type Lang } from '~/core';
import { guideHref } from './links';
import { useMessages } from './useMessages';
import { uiStrings } from './strings';
import './finding-list.css';

export function FindingList({ findings, lang, base }: { findings: readonly Finding[]; lang: Lang; base: string }) {
  const messages = useMessages(lang, findings.length > 0);
  if (findings.length === 0) return null;
  return (
    <ul className="mg-findings">
      {findings.map((f, i) => {
        const d = messages ? describeFinding(f, messages) : undefined;
        return (
          <li key={`${f.code}-${i}`} data-problem={f.code} data-severity={f.severity}>
            {d ? (
              <>
                <span>{d.text}</span> {d.fix ? <span>{d.fix}</span> : null}{' '}
                <a href={guideHref(base, lang, d.guide)}>{uiStrings[lang].readMore}</a>
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
