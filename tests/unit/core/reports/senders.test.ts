import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getSender, orgDomain, recogniseAuthDomain, recogniseSender, SENDERS, type SenderProfile } from '~/core/reports/senders';
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
    ['sender11-op-o11.zoho.eu', 'zoho'],
    ['mail150.suw14.mcdlv.net', 'mailchimp'],
    ['mta199a-ord.mtasv.net', 'postmark'],
    ['us-smtp-delivery-124.mimecast.com', 'mimecast'],
    ['esa6.hgst.iphmx.com', 'cisco'],
    ['cr80.mta.exacttarget.com', 'salesforce'],
    // Names under suffixes no published source showed are not recognised.
    ['m1.yeah.net', undefined],
    ['smtp.brevo.com', undefined],
    ['mail.icloud.com', undefined],
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

describe('recogniseAuthDomain', () => {
  // DKIM d= or SPF domain, sender id (undefined: not a platform's own domain)
  const rows: [string, string | undefined][] = [
    ['amazonses.com', 'amazon-ses'],
    ['us-east-1.amazonses.com', 'amazon-ses'],
    ['sendgrid.net', 'sendgrid'],
    ['em1234.sendgrid.net', 'sendgrid'],
    ['mail150.suw14.mcdlv.net', 'mailchimp'],
    ['MailchimpApp.net.', 'mailchimp'],
    ['gmail.com', undefined],
    ['example.com', undefined],
    ['notsendgrid.net', undefined],
    ['', undefined],
  ];
  it.each(rows)('recognises %j as %s', (domain, id) => {
    expect(recogniseAuthDomain(domain)?.id).toBe(id);
  });

  it('is used for sending platforms only', () => {
    expect(SENDERS.filter((s: SenderProfile) => (s.authDomains?.length ?? 0) > 0 && s.kind !== 'platform').map((s) => s.id)).toEqual([]);
  });
});

describe('the sources of the senders table', () => {
  // Each sender's block of senders.ts, with its comment lines.
  const text = readFileSync(fileURLToPath(new URL('../../../../src/core/reports/senders.ts', import.meta.url)), 'utf8');
  const comments = (id: string): string => {
    const start = text.indexOf(`    id: '${id}',`);
    const end = text.indexOf('\n  },', start);
    return text
      .slice(start, end)
      .split('\n')
      .filter((l) => l.trim().startsWith('//'))
      .join('\n');
  };
  const entries = (SENDERS as readonly SenderProfile[]).flatMap((s) => [
    ...s.ptrSuffixes.map((x) => [s.id, x] as const),
    ...(s.authDomains ?? []).map((x) => [s.id, x] as const),
  ]);
  it.each(entries)('%s names a source for %s', (id, entry) => {
    const c = comments(id);
    expect(c).toContain(entry);
    expect(c).toMatch(/Received|https:\/\/|DKIM-Signature|header\.d=|spf=pass/);
  });

  it.each((SENDERS as readonly SenderProfile[]).filter((s) => s.ptrPatterns).map((s) => [s.id]))('%s names the documentation of its PTR patterns', (id) => {
    expect(comments(id)).toMatch(/https:\/\/\S+/);
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
