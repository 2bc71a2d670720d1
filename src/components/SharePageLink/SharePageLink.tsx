// "Send this page": copies the page address with the tool parameters the
// widgets keep in it (?domain=…), so a customer opening the link sees the
// answer for their domain at once.
import type { Lang } from '~/core';
import { CopyButton } from '../ui/CopyButton';
import { useUrlState } from '../ui/useUrlState';
import '../ui/widget.css';

const text = {
  zh: {
    label: '复制本页链接',
    withDomain: (d: string) => `链接会带上域名 ${d}，对方打开后直接看到这个域名的检查结果。`,
    withoutDomain: '在下面的工具里填好域名后再复制，链接就会带上域名。',
    noTool: '把这一页的链接发给需要按步骤操作的人。',
  },
  en: {
    label: 'Copy a link to this page',
    withDomain: (d: string) => `The link includes ${d}: whoever opens it sees the results for that domain at once.`,
    withoutDomain: 'Fill in the domain in the tool below first and the link will include it.',
    noTool: 'Send this page to whoever needs to follow the steps.',
  },
} as const;

export default function SharePageLink({ lang, withTool = true }: { lang: Lang; withTool?: boolean }) {
  const t = text[lang];
  const { params } = useUrlState();
  const domain = params.domain ?? params.name;
  return (
    <div className="mg-widget mg-share" data-widget="share-page-link">
      <CopyButton lang={lang} label={t.label} text={() => window.location.href} />
      <p className="mg-hint" aria-live="polite">
        {!withTool ? t.noTool : domain ? t.withDomain(domain) : t.withoutDomain}
      </p>
    </div>
  );
}
