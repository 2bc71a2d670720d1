import { describe, expect, it } from 'vitest';
import { getSender, orgDomain, recogniseSender, SENDERS } from '~/core/reports/senders';
import { RECOGNISERS } from '~/core/providers/index';

describe('recogniseSender', () => {
  // PTR name, sender id (undefined: not recognised)
  const rows: [string, string | undefined][] = [
    ['out30-97.freemail.mail.aliyun.com', 'alibaba-mail'],
    ['out198-18.us.a.mail.aliyun.com', 'alibaba-mail'],
    ['mail-wr1-f54.google.com', 'google'],
    ['MAIL-SOR-F65.GOOGLE.COM.', 'google'],
    ['mail-db8eur05on2090.outbound.protection.outlook.com', 'microsoft'],
    ['sonic307-2.consmr.mail.ne1.yahoo.com', 'yahoo'],
    ['a48-93.smtp-out.amazonses.com', 'amazon-ses'],
    ['e226-55.smtp-out.us-east-2.amazonses.com', 'amazon-ses'],
    ['smtpbg150.qq.com', 'tencent'],
    ['out203-205-221-191.mail.qq.com', 'tencent'],
    ['mail-m12741.qiye.163.com', 'netease-qiye'],
    ['m16-55.163.com', 'netease'],
    ['m15-111.126.com', 'netease'],
    ['wrqvtzvf.outbound-mail.sendgrid.net', 'sendgrid'],
    ['o1.ptr2639.example.com', 'sendgrid'],
    ['mail187-4.suw21.mandrillapp.com', 'mailchimp'],
    ['mail135-26.atl141.mcdlv.net', 'mailchimp'],
    ['m228-4.mailgun.net', 'mailgun'],
    ['sender4-of-o51.zoho.com', 'zoho'],
    ['sender-of-o52.zoho.eu', 'zoho'],
    ['mta-201a.mtasv.net', 'postmark'],
    ['mx0a-00123401.pphosted.com', 'proofpoint'],
    ['203-0-113-5.dynamic.example-isp.net', undefined],
    ['notgoogle.com', undefined],
    ['google.com.example.net', undefined],
    ['', undefined],
  ];
  it.each(rows)('recognises %j as %s', (name, id) => {
    expect(recogniseSender(name)?.id).toBe(id);
  });

  it('ties mailbox senders to existing provider ids', () => {
    const ids = new Set(RECOGNISERS.map((r) => r.id));
    const unknown = SENDERS.flatMap((s) => s.providerIds.filter((id) => !ids.has(id)));
    expect(unknown).toEqual([]);
  });

  it('has unique ids and a name in both languages', () => {
    expect(new Set(SENDERS.map((s) => s.id)).size).toBe(SENDERS.length);
    expect(SENDERS.filter((s) => !s.name.zh || !s.name.en)).toEqual([]);
    expect(getSender('google')?.kind).toBe('mailbox');
    expect(getSender('nope')).toBeUndefined();
  });
});

describe('orgDomain', () => {
  const rows: [string, string][] = [
    ['mail.example.com', 'example.com'],
    ['example.com', 'example.com'],
    ['a.b.example.com.cn', 'example.com.cn'],
    ['host.example.co.uk', 'example.co.uk'],
    ['dyn-1.example-isp.ne.jp', 'example-isp.ne.jp'],
    ['mail.example.de', 'example.de'],
    ['Mail.Example.COM.', 'example.com'],
  ];
  it.each(rows)('takes %j to the organisation domain %j', (host, org) => {
    expect(orgDomain(host)).toBe(org);
  });
});
