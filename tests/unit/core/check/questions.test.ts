import { describe, expect, it } from 'vitest';
import type { Question } from '~/core/check/kind';
import { firstQuestions } from '~/core/check/questions';
import type { ExpectedArgs } from '~/core/expected';
import type { RecordId } from '~/core/types';
import { D, expectedFor } from '../../support/mail-zone';

const SUB = `cn.${D}`;
const txt = (...names: string[]): Question[] => names.map((name) => ({ name, type: 'TXT' }));

interface Row {
  note: string;
  /** The expected record asked about (built by expectedFor(args)). */
  id: RecordId;
  args?: Partial<ExpectedArgs>;
  want: Question[];
}
const rows: Row[] = [
  { note: 'the MX record asks nothing in the first wave besides its own question', id: 'mx', want: [] },
  { note: 'the DKIM record asks nothing in the first wave besides its own question', id: 'dkim', want: [] },
  { note: 'the mail CNAME asks nothing in the first wave besides its own question', id: 'mail', want: [] },
  { note: 'the imap CNAME asks nothing in the first wave besides its own question', id: 'imap', want: [] },
  { note: 'the smtp CNAME asks nothing in the first wave besides its own question', id: 'smtp', want: [] },
  { note: 'the pop3 CNAME asks nothing in the first wave besides its own question', id: 'pop3', want: [] },
  {
    note: 'the SPF record with no other senders asks www and the provider’s include',
    id: 'spf',
    args: { extraSpf: [] },
    want: txt('www.example.com', 'spf.qiye.aliyun.com'),
  },
  {
    note: 'the SPF record with listed senders asks their includes too, bare domains as includes, ip4: ranges not',
    id: 'spf',
    args: { extraSpf: ['include:_spf.example.net', 'mailgun.org', 'ip4:192.0.2.1'] },
    want: txt('www.example.com', 'spf.qiye.aliyun.com', '_spf.example.net', 'mailgun.org'),
  },
  // The first step of the RFC 9989 tree walk (for a domain without a record of its own): one label up.
  {
    note: 'the DMARC record of a domain asks the first question of the tree walk',
    id: 'dmarc',
    want: txt('_dmarc.com'),
  },
  {
    note: 'the DMARC record of a subdomain asks the first question of the tree walk',
    id: 'dmarc',
    args: { domain: SUB },
    want: txt(`_dmarc.${D}`),
  },
];

describe('firstQuestions', () => {
  it.each(rows)('$note', ({ id, args = {}, want }) => {
    const rec = expectedFor(args).find((r) => r.id === id);
    expect(rec && firstQuestions(rec, args.domain ?? D)).toEqual(want);
  });
});
