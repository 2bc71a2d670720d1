// What to watch for when adding the records at the chosen DNS host, and its guide page.
import { consoleOf, getDnsHost, type HostId, type Lang } from '~/core';
import { guideHref } from '../ui/links';
import { useMessages } from '../ui/useMessages';
import { strings } from './strings';

export function HostPitfalls({ lang, base, hostId }: { lang: Lang; base: string; hostId: HostId }) {
  const t = strings[lang];
  const host = getDnsHost(hostId);
  const conventions = consoleOf(host);
  const messages = useMessages(lang);
  return (
    <aside className="mg-pitfalls" aria-label={host.name[lang]}>
      <p>
        <strong>{host.name[lang]}</strong> — {t.pitfalls}
      </p>
      <ul>
        {(messages?.hostPitfalls[hostId] ?? []).map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <a href={guideHref(base, lang, conventions.guide)}>{t.hostGuide}</a>
    </aside>
  );
}
