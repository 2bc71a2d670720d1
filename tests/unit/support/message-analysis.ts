// Shared by the message analyser's widget tests: the sender domain example.cn as DNS
// publishes it (RSA 2048 key at rsa._domainkey, SPF for 203.0.113.0/24, DMARC p=reject),
// the clock the test messages were written for, and a full analysis over a zone.
import { MESSAGE_DMARC_STEPS } from '~/core/dmarc/message';
import { analyseMessage, type AnalyseOptions, type MessageAnalysis } from '~/core/message/analyse';
import { evaluateSpf } from '~/core/spf/evaluate';
import { keyRecord } from './dkim-signer';
import { fakeDns, type FakeZone } from './fake-dns';

export const NOW = Date.UTC(2026, 10, 3, 2, 0, 0);

export const EXAMPLE_CN: FakeZone = {
  'rsa._domainkey.example.cn': { TXT: [keyRecord('rsa2048')] },
  'example.cn': { TXT: ['v=spf1 ip4:203.0.113.0/24 -all'] },
  '_dmarc.example.cn': { TXT: ['v=DMARC1; p=reject'] },
};

/** analyseMessage with SPF and DMARC evaluated, over `zone`, at NOW. */
export function analyseOver(input: string, zone: FakeZone, extra: Partial<AnalyseOptions> = {}): Promise<MessageAnalysis> {
  return analyseMessage(input, { query: fakeDns(zone).query, now: NOW, evaluateSpf, dmarc: MESSAGE_DMARC_STEPS, ...extra });
}
