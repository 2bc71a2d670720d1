import { describe, expect, it } from 'vitest';
import { buildExpectedRecords } from '~/core/expected';
import { CSV_HEADER, csvField, toCsv } from '~/core/export/csv';
import { getProvider } from '~/core/providers/index';
import type { ProviderProfile } from '~/core/providers/types';
import type { SpfExpected } from '~/core/types';

const cn = getProvider('aliyun-cn') as ProviderProfile;

describe('toCsv', () => {
  const records = buildExpectedRecords({ domain: 'example.com', provider: cn, dmarc: { policy: 'quarantine', rua: 'd@example.com' } });

  it('writes every value with the host field for the chosen console, CRLF-separated', () => {
    expect(toCsv(records, 'aliyun').split('\r\n')).toEqual([
      'Type,Host,Value,Priority,Required',
      'MX,@,mx1.qiye.aliyun.com,5,yes',
      'MX,@,mx2.qiye.aliyun.com,10,yes',
      'MX,@,mx3.qiye.aliyun.com,15,yes',
      'TXT,@,v=spf1 include:spf.qiye.aliyun.com -all,,yes',
      'TXT,default._domainkey,v=DKIM1; k=rsa; p=<public key from the admin console>,,yes',
      'TXT,_dmarc,v=DMARC1; p=quarantine; rua=mailto:d@example.com,,yes',
      'CNAME,mail,qiye.aliyun.com,,yes',
      'CNAME,imap,imap.qiye.aliyun.com,,no',
      'CNAME,smtp,smtp.qiye.aliyun.com,,no',
      'CNAME,pop3,pop.qiye.aliyun.com,,no',
      '',
    ]);
    expect(CSV_HEADER.join(',')).toBe('Type,Host,Value,Priority,Required');
  });

  it('writes full names with a dot for the other consoles', () => {
    const lines = toCsv(records, 'other').split('\r\n');
    expect(lines).toContain('MX,example.com.,mx1.qiye.aliyun.com,5,yes');
    expect(lines).toContain('TXT,_dmarc.example.com.,v=DMARC1; p=quarantine; rua=mailto:d@example.com,,yes');
  });

  it('takes the domain from the MX or SPF record, else from the shortest name, unless it is given', () => {
    const spfOnly = records.filter((r) => r.id === 'spf' || r.id === 'dmarc');
    expect(toCsv(spfOnly, 'aliyun').split('\r\n').slice(1, 3)).toEqual([
      'TXT,@,v=spf1 include:spf.qiye.aliyun.com -all,,yes',
      'TXT,_dmarc,v=DMARC1; p=quarantine; rua=mailto:d@example.com,,yes',
    ]);
    const noApex = records.filter((r) => r.id === 'dmarc' || r.id === 'mail');
    // The shortest name, mail.example.com, stands for the domain.
    expect(toCsv(noApex, 'aliyun').split('\r\n').slice(1, 3)).toEqual([
      'TXT,_dmarc.example.com.,v=DMARC1; p=quarantine; rua=mailto:d@example.com,,yes',
      'CNAME,@,qiye.aliyun.com,,yes',
    ]);
    expect(toCsv(noApex, 'aliyun', 'example.com').split('\r\n').slice(1, 3)).toEqual([
      'TXT,_dmarc,v=DMARC1; p=quarantine; rua=mailto:d@example.com,,yes',
      'CNAME,mail,qiye.aliyun.com,,yes',
    ]);
  });

  it.each([
    // a comma or quote needs quoting (RFC 4180)
    ['a,b', '"a,b"'],
    ['say "x"', '"say ""x"""'],
    ['line\nbreak', '"line\nbreak"'],
    // formula injection is defused
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['+1', "'+1"],
    ['-all', "'-all"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\tx', "'\tx"],
    ['plain', 'plain'],
    // the apex host field stays usable
    ['@', '@'],
  ])('quotes %j as %s', (value, expected) => {
    expect(csvField(value)).toBe(expected);
    const rec: SpfExpected = {
      kind: 'spf',
      id: 'spf',
      type: 'TXT',
      name: 'example.com',
      values: [{ value }],
      required: true,
      providerIncludes: [],
      senderIncludes: [],
      extraSenders: [],
    };
    const line = toCsv([rec], 'aliyun').split('\r\n').slice(1).join('\r\n');
    expect(line).toBe(`TXT,@,${expected},,yes\r\n`);
  });
});
