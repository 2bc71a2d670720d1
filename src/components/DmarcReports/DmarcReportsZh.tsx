// The viewer with its Chinese text: the island a zh page hydrates, so the
// page's code carries one language (DmarcReports.astro picks the entry).
import { REPORTS_TEXT_ZH } from '~/core';
import DmarcReports from './DmarcReports';
import { zh } from './strings.zh';

export default function DmarcReportsZh({ base }: { base: string }) {
  return <DmarcReports lang="zh" base={base} s={zh} text={REPORTS_TEXT_ZH} />;
}
