// The viewer with its English text: the island an en page hydrates, so the
// page's code carries one language (DmarcReports.astro picks the entry).
import { REPORTS_TEXT_EN } from '~/core';
import DmarcReports from './DmarcReports';
import { en } from './strings.en';

export default function DmarcReportsEn({ base }: { base: string }) {
  return <DmarcReports lang="en" base={base} s={en} text={REPORTS_TEXT_EN} />;
}
