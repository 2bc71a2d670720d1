import { describe, expect, it } from 'vitest';
import { describeBounce, explainBounce, readBounce, type BounceReport } from '~/core/message/bounce';
import { BOUNCE_TEXTS_EN } from '~/core/message/bounce.en';
import { BOUNCE_TEXTS_ZH } from '~/core/message/bounce.zh';
import { splitMessage } from '~/core/message/header';
import { normaliseInput } from '~/core/message/input';
import { parseMime } from '~/core/message/mime';

function bounceOf(text: string): BounceReport | undefined {
  const n = normaliseInput(text);
  const s = splitMessage(n.raw);
  const root = s.fields.length > 0 ? parseMime(s.fields, s.body).root : undefined;
  return readBounce({ fields: s.fields, ...(root ? { root } : {}), body: s.body });
}

/** A Postfix-style RFC 3464 DSN around a remote server's reply. */
function dsn(opts: { rcpt: string; status: string; remote: string; diagnostic: string; returned?: string }): string {
  return [
    'From: MAILER-DAEMON@smtp.example.cn (Mail Delivery System)',
    'To: zhang@example.cn',
    'Subject: Undelivered Mail Returned to Sender',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="B1"',
    '',
    '--B1',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is the mail system at host smtp.example.cn.',
    '',
    '--B1',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; smtp.example.cn',
    'Arrival-Date: Tue,  3 Nov 2026 09:15:00 +0800 (CST)',
    '',
    `Final-Recipient: rfc822; ${opts.rcpt}`,
    `Original-Recipient: rfc822;${opts.rcpt}`,
    'Action: failed',
    `Status: ${opts.status}`,
    `Remote-MTA: dns; ${opts.remote}`,
    `Diagnostic-Code: smtp; ${opts.diagnostic}`,
    '',
    '--B1',
    'Content-Type: text/rfc822-headers',
    '',
    opts.returned ?? 'From: =?UTF-8?B?5byg5LiJ?= <zhang@example.cn>\nTo: li@example.net\nSubject: =?GBK?B?suLK1A==?=\nMessage-ID: <r1@example.cn>',
    '',
    '--B1--',
    '',
  ].join('\n');
}

describe('DSNs modelled on each provider’s documented text', () => {
  type Row = { name: string; rcpt: string; status: string; remote: string; diagnostic: string; id: string | undefined; reply: number | undefined; guide: string };
  const rows: Row[] = [
    {
      name: 'Gmail 5.7.26 DMARC policy',
      rcpt: 'li@gmail.com',
      status: '5.7.26',
      remote: 'gmail-smtp-in.l.google.com',
      diagnostic:
        "550-5.7.26 Unauthenticated email from example.cn is not accepted due to\n    550-5.7.26 domain's DMARC policy. Please contact the administrator of\n    550-5.7.26 example.cn domain if this was a legitimate mail. 550 5.7.26 DMARC initiative. x1si - gsmtp",
      id: 'gmail-dmarc-policy',
      reply: 550,
      guide: 'dns/dmarc',
    },
    {
      name: 'Gmail 5.7.26 unauthenticated',
      rcpt: 'li@gmail.com',
      status: '5.7.26',
      remote: 'gmail-smtp-in.l.google.com',
      diagnostic: '550-5.7.26 This mail is unauthenticated, which poses a security risk to the\n    550-5.7.26 sender and Gmail users, and has been blocked. The sender must\n    550-5.7.26 authenticate with at least one of SPF or DKIM. - gsmtp',
      id: 'gmail-unauthenticated',
      reply: 550,
      guide: 'troubleshooting/bounced-or-spam',
    },
    { name: 'Gmail 5.7.27 SPF', rcpt: 'li@gmail.com', status: '5.7.27', remote: 'gmail-smtp-in.l.google.com', diagnostic: '550 5.7.27 The sender does not pass SPF. - gsmtp', id: 'gmail-spf', reply: 550, guide: 'dns/spf' },
    {
      name: 'Gmail 5.7.1 policy',
      rcpt: 'li@gmail.com',
      status: '5.7.1',
      remote: 'gmail-smtp-in.l.google.com',
      diagnostic: '550-5.7.1 [203.0.113.5] Our system has detected that this message is likely unsolicited mail. - gsmtp',
      id: 'gmail-policy',
      reply: 550,
      guide: 'troubleshooting/bounced-or-spam',
    },
    {
      name: 'Gmail 4.7.28 rate limiting',
      rcpt: 'li@gmail.com',
      status: '4.7.28',
      remote: 'gmail-smtp-in.l.google.com',
      diagnostic: '421-4.7.28 Gmail has detected an unusual rate of unsolicited mail. - gsmtp',
      id: 'gmail-rate-limit',
      reply: 421,
      guide: 'troubleshooting/bounced-or-spam',
    },
    {
      name: 'Outlook.com 5.7.515',
      rcpt: 'li@outlook.com',
      status: '5.7.515',
      remote: 'outlook-com.olc.protection.outlook.com',
      diagnostic: '550 5.7.515 Access denied, sending domain example.cn does not meet the required authentication level.',
      id: 'microsoft-auth-level',
      reply: 550,
      guide: 'troubleshooting/bounced-or-spam',
    },
    {
      name: 'Microsoft 365 5.4.1',
      rcpt: 'li@example.net',
      status: '5.4.1',
      remote: 'example-net.mail.protection.outlook.com',
      diagnostic: '550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [DM6NAM11FT012.eop-nam11.prod.protection.outlook.com]',
      id: 'microsoft-recipient-rejected',
      reply: 550,
      guide: 'reference/bounce-codes',
    },
    {
      name: 'Microsoft 365 5.7.1',
      rcpt: 'li@example.net',
      status: '5.7.1',
      remote: 'example-net.mail.protection.outlook.com',
      diagnostic: '550 5.7.1 Service unavailable, Client host [203.0.113.5] blocked using Spamhaus.',
      id: 'microsoft-not-authorized',
      reply: 550,
      guide: 'troubleshooting/bounced-or-spam',
    },
    {
      name: 'Yahoo TSS04 deferral',
      rcpt: 'li@yahoo.com',
      status: '4.7.0',
      remote: 'mta7.am0.yahoodns.net',
      diagnostic: '421 4.7.0 [TSS04] Messages from 203.0.113.5 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes',
      id: 'yahoo-deferred',
      reply: 421,
      guide: 'troubleshooting/bounced-or-spam',
    },
    {
      name: 'Yahoo 5.7.9 policy',
      rcpt: 'li@yahoo.com',
      status: '5.7.9',
      remote: 'mta7.am0.yahoodns.net',
      diagnostic: '554 5.7.9 Message not accepted for policy reasons.',
      id: 'yahoo-policy',
      reply: 554,
      guide: 'troubleshooting/bounced-or-spam',
    },
    {
      name: 'QQ Mail DMARC',
      rcpt: 'li@qq.com',
      status: '5.0.0',
      remote: 'mx3.qq.com',
      diagnostic: '550 DMARC check failed. http://service.mail.qq.com/cgi-bin/help?subtype=1&&no=1001508&&id=16',
      id: 'qq-dmarc',
      reply: 550,
      guide: 'dns/dmarc',
    },
    {
      name: 'QQ Mail IP frequency',
      rcpt: 'li@qq.com',
      status: '5.0.0',
      remote: 'mx3.qq.com',
      diagnostic: '550 Ip frequency limited. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000725',
      id: 'qq-ip-frequency',
      reply: 550,
      guide: 'troubleshooting/bounced-or-spam',
    },
    {
      name: 'NetEase DT:SPM',
      rcpt: 'li@163.com',
      status: '5.0.0',
      remote: '163mx01.mxmail.netease.com',
      diagnostic: '554 DT:SPM 163 mx14,QMCowAD3xxx 1730596500, please see http://mail.163.com/help/help_spam_16.htm?ip=203.0.113.5&hostid=mx14&time=1730596500',
      id: 'netease-spam',
      reply: 554,
      guide: 'troubleshooting/bounced-or-spam',
    },
    {
      name: 'an Alibaba Mail recipient that does not exist',
      rcpt: 'li@example.org',
      status: '5.0.0',
      remote: 'mx1.qiye.aliyun.com',
      diagnostic: "503 Rcptto account isn't a local account",
      id: 'alibaba-not-local',
      reply: 503,
      guide: 'reference/bounce-codes',
    },
    {
      name: 'an unknown provider’s 5.1.1 (explained by the code)',
      rcpt: 'li@example.net',
      status: '5.1.1',
      remote: 'mx.example.net',
      diagnostic: '550 5.1.1 <li@example.net>: Recipient address rejected: User unknown in virtual mailbox table',
      id: undefined,
      reply: 550,
      guide: 'reference/bounce-codes',
    },
  ];
  it.each(rows)('$name', ({ rcpt, status, remote, diagnostic, id, reply, guide }) => {
    const b = bounceOf(dsn({ rcpt, status, remote, diagnostic }))!;
    expect(b.kind).toBe('dsn');
    expect(b.reportingMta).toBe('smtp.example.cn');
    expect(b.recipients).toHaveLength(1);
    const r = b.recipients[0]!;
    expect({ recipient: r.recipient, status: r.status, reply: r.reply, remote: r.remoteMta, action: r.action, id: r.explanation.id, guide: r.explanation.guide }).toEqual({
      recipient: rcpt,
      status,
      reply,
      remote,
      action: 'failed',
      id,
      guide,
    });
  });

  it.each([
    // Postfix writes Status: 5.0.0 for a reply whose own enhanced code says more.
    { name: 'takes the reply’s more specific code over a Status of 5.0.0', status: '5.0.0', diagnostic: "550-5.7.26 Unauthenticated email from example.cn is not accepted due to domain's DMARC policy. - gsmtp", want: '5.7.26', id: 'gmail-dmarc-policy' },
    { name: 'takes it over 4.0.0 too', status: '4.0.0', diagnostic: '421-4.7.28 Our system has detected an unusual rate of unsolicited mail originating from your IP address. - gsmtp', want: '4.7.28', id: 'gmail-rate-limit' },
    { name: 'keeps a Status of another class than the reply’s code', status: '5.0.0', diagnostic: '452 4.5.3 Too many recipients - gsmtp', want: '5.0.0', id: undefined },
    { name: 'keeps a specific Status over the reply’s code', status: '5.1.1', diagnostic: '550 5.7.1 rejected - gsmtp', want: '5.1.1', id: 'gmail-no-such-user' },
  ])('$name', ({ status, diagnostic, want, id }) => {
    const r = bounceOf(dsn({ rcpt: 'li@gmail.com', status, remote: 'gmail-smtp-in.l.google.com', diagnostic }))!.recipients[0]!;
    expect([r.status, r.explanation.status, r.explanation.id]).toEqual([want, want, id]);
  });

  it('collapses a multi-line reply without its repeated prefixes', () => {
    const b = bounceOf(dsn({ rcpt: 'li@gmail.com', status: '5.7.26', remote: 'gmail-smtp-in.l.google.com', diagnostic: rows[1]!.diagnostic }))!;
    expect(b.recipients[0]!.diagnostic).toBe(
      '550-5.7.26 This mail is unauthenticated, which poses a security risk to the sender and Gmail users, and has been blocked. The sender must authenticate with at least one of SPF or DKIM. - gsmtp',
    );
  });

  it('reads the returned headers: a Chinese GBK subject and a UTF-8 display name', () => {
    const b = bounceOf(dsn({ rcpt: 'li@gmail.com', status: '5.1.1', remote: 'gmail-smtp-in.l.google.com', diagnostic: '550 5.1.1 no such user - gsmtp' }))!;
    expect(b.returned).toMatchObject({ subject: '测试', from: { name: '张三', address: 'zhang@example.cn', domain: 'example.cn' }, messageId: '<r1@example.cn>', body: undefined });
  });

  it('reads every recipient of a DSN with two', () => {
    const text = dsn({ rcpt: 'a@example.net', status: '5.1.1', remote: 'mx.example.net', diagnostic: '550 5.1.1 unknown' }).replace(
      'Diagnostic-Code: smtp; 550 5.1.1 unknown\n',
      'Diagnostic-Code: smtp; 550 5.1.1 unknown\n\nFinal-Recipient: rfc822; b@example.net\nAction: delayed\nStatus: 4.4.1\nRemote-MTA: dns; mx2.example.net\nDiagnostic-Code: X-Postfix; connect to mx2.example.net[198.51.100.2]:25: Connection timed out\n',
    );
    const b = bounceOf(text)!;
    expect(b.recipients.map((r) => [r.recipient, r.action, r.status, r.explanation.cause])).toEqual([
      ['a@example.net', 'failed', '5.1.1', 'no-such-user'],
      ['b@example.net', 'delayed', '4.4.1', 'temporary'],
    ]);
  });

  it('reads a message/global-delivery-status part (UTF-8)', () => {
    const text = dsn({ rcpt: '李@例子.cn', status: '5.1.1', remote: 'mx.例子.cn', diagnostic: '550 5.1.1 用户不存在' }).replace('message/delivery-status', 'message/global-delivery-status');
    const r = bounceOf(text)!.recipients[0]!;
    expect([r.recipient, r.diagnostic]).toEqual(['李@例子.cn', '550 5.1.1 用户不存在']);
  });
});

describe('plain-text notices', () => {
  it('reads a Postfix notice without a DSN part', () => {
    const b = bounceOf(
      [
        'From: MAILER-DAEMON@smtp.example.cn',
        'Subject: Undelivered Mail Returned to Sender',
        '',
        'This is the mail system at host smtp.example.cn.',
        '',
        "I'm sorry to have to inform you that your message could not",
        'be delivered to one or more recipients.',
        '',
        '<li@gmail.com>: host gmail-smtp-in.l.google.com[142.250.4.26] said:',
        '    550-5.7.26 This mail is unauthenticated, which poses a security risk to the',
        '    550-5.7.26 sender and Gmail users, and has been blocked. The sender must',
        '    550 5.7.26 authenticate with at least one of SPF or DKIM. - gsmtp (in reply to end of DATA command)',
        '',
      ].join('\n'),
    )!;
    expect(b.kind).toBe('text');
    expect(b.recipients[0]).toMatchObject({ recipient: 'li@gmail.com', remoteMta: 'gmail-smtp-in.l.google.com', remoteIp: '142.250.4.26', status: '5.7.26', reply: 550 });
    expect(b.recipients[0]!.explanation.id).toBe('gmail-unauthenticated');
  });

  it('reads a Microsoft notice (Remote Server returned …) and its original headers', () => {
    const b = bounceOf(
      [
        'From: Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@example.cn>',
        'Subject: Undeliverable: Quarterly report',
        '',
        "Your message to li@example.net couldn't be delivered.",
        '',
        'Diagnostic information for administrators:',
        'li@example.net',
        'Remote Server returned \'550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [DM6NAM11FT012.eop-nam11.prod.protection.outlook.com]\'',
        '',
        'Original message headers:',
        '',
        'From: Zhang San <zhang@example.cn>',
        'To: li@example.net',
        'Subject: Quarterly report',
        '',
      ].join('\n'),
    )!;
    expect(b.recipients[0]).toMatchObject({ recipient: 'li@example.net', status: '5.4.1', reply: 550 });
    expect(b.recipients[0]!.explanation.id).toBe('microsoft-recipient-rejected');
    expect(b.returned?.subject).toBe('Quarterly report');
  });

  it('reads a Chinese notice pasted without headers', () => {
    const b = bounceOf(
      ['您发送的邮件被退回。', '', '收件人：li@example.net', '退信原因：550 5.7.1 Mail content denied. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000726', ''].join('\n'),
    )!;
    expect(b.recipients[0]).toMatchObject({ recipient: 'li@example.net', status: '5.7.1', reply: 550 });
    expect(b.recipients[0]!.explanation.id).toBe('qq-content');
  });

  it('reads an Exim notice with the failed recipient in X-Failed-Recipients', () => {
    const b = bounceOf(
      [
        'X-Failed-Recipients: li@example.net',
        'From: Mail Delivery System <Mailer-Daemon@mail.example.org>',
        'Subject: Mail delivery failed: returning message to sender',
        '',
        'This message was created automatically by mail delivery software.',
        '',
        '  li@example.net',
        '    host mx.example.net [198.51.100.1]',
        '    SMTP error from remote mail server after RCPT TO:<li@example.net>:',
        '    550 5.1.1 <li@example.net>: Recipient address rejected: User unknown',
        '',
        '------ This is a copy of the message, including all the headers. ------',
        '',
        'From: a@example.org',
        'Subject: hello',
        '',
        'body',
      ].join('\n'),
    )!;
    expect(b.recipients[0]).toMatchObject({ recipient: 'li@example.net', remoteMta: 'mx.example.net', remoteIp: '198.51.100.1', status: '5.1.1', reply: 550 });
    expect(b.returned).toMatchObject({ subject: 'hello', body: 'body' });
  });

  it('is not a bounce: an ordinary message that mentions a status code', () => {
    expect(bounceOf('From: a@example.cn\nSubject: Our new version 2.1.0\n\nVersion 5.1.1 is out.')).toBeUndefined();
  });
});

describe('explainBounce without a documented case', () => {
  type Row = { name: string; input: Parameters<typeof explainBounce>[0]; want: Record<string, unknown> };
  const rows: Row[] = [
    { name: 'a registered detail code', input: { status: '5.7.23' }, want: { statusClass: '5', subject: '7', detail: '7.23', cause: 'spf', guide: 'dns/spf' } },
    { name: 'a temporary failure without a registered detail', input: { status: '4.3.99' }, want: { statusClass: '4', subject: '3', cause: 'temporary', fix: 'wait' } },
    { name: 'only a reply code', input: { reply: 554 }, want: { statusClass: '5', cause: 'other', fix: 'read-text' } },
    { name: 'nothing', input: {}, want: { cause: 'other', fix: 'read-text', guide: 'reference/bounce-codes' } },
    { name: 'a Gmail code without the Gmail hint', input: { status: '5.7.27', diagnostic: '550 5.7.27 sender address has null MX' }, want: { detail: '7.27', cause: 'routing' } },
    { name: 'too many recipients (X.5.3): split them', input: { status: '5.5.3' }, want: { detail: '5.3', cause: 'too-many-recipients', fix: 'split-recipients' } },
    // Alibaba's page documents "reject by behaviour spam … too frequently sending" only; other sub-reasons are read by their code.
    {
      name: 'an Alibaba behaviour rejection its help page does not describe',
      input: { reply: 554, diagnostic: '554 Reject by behaviour spam at DATA State(Connection IP address:203.0.113.5)ANTISPAM_BAT[01201311R5167S531, r41g03022]: list on rbl sites', remote: 'mxn.mxhichina.com' },
      want: { statusClass: '5', cause: 'other', fix: 'read-text' },
    },
  ];
  it.each(rows)('$name', ({ input, want }) => {
    const e = explainBounce(input);
    expect(e.id).toBeUndefined();
    expect(e).toMatchObject(want);
  });
});

describe('Alibaba Mail’s documented rate limit', () => {
  it.each([
    '454 Transient reject by behaviour spamANTISPAM_BAT[01201311R1468S45301xxxxx, a0330021xxxxx]: too frequently sending',
    '554 Reject by behaviour spam at Rcpt State(Connection IP address:203.0.113.5)ANTISPAM_BAT[01201311R1568Sxxxxx, xxxx]: too frequently sendingCONTINUE',
  ])('reads %j as the rate limit, with Alibaba Cloud’s own page as the source', (diagnostic) => {
    const e = explainBounce({ reply: Number(diagnostic.slice(0, 3)), diagnostic, remote: 'smtp.qiye.aliyun.com' });
    expect(e).toMatchObject({ id: 'alibaba-behaviour-spam', provider: 'alibaba', cause: 'rate-limit', fix: 'slow-down', source: 'https://www.alibabacloud.com/help/faq-detail/109009.htm' });
  });
});

describe('describeBounce', () => {
  it('tells to split the recipients for X.5.3, in each language', () => {
    expect(describeBounce(explainBounce({ status: '5.5.3' }), BOUNCE_TEXTS_EN)).toMatchObject({ title: '5.5.3', action: 'Too many recipients: split the recipients over several messages.' });
    expect(describeBounce(explainBounce({ status: '4.5.3' }), BOUNCE_TEXTS_ZH)).toMatchObject({ title: '4.5.3', action: '收件人太多：把收件人分成几批，分几封邮件发送。' });
  });

  it('gives the documented case’s sentences in each language, with the code’s meaning', () => {
    const e = explainBounce({ status: '5.7.515', diagnostic: '550 5.7.515 Access denied, sending domain example.cn does not meet the required authentication level.' });
    expect(describeBounce(e, BOUNCE_TEXTS_EN)).toMatchObject({ title: BOUNCE_TEXTS_EN.ids['microsoft-auth-level'].title, classText: BOUNCE_TEXTS_EN.classes['5'], subjectText: BOUNCE_TEXTS_EN.subjects['7'], guide: 'troubleshooting/bounced-or-spam' });
    expect(describeBounce(e, BOUNCE_TEXTS_ZH).title).toBe('Outlook.com 拒收：发件域名未达到要求的身份验证级别');
  });
  it('explains an unknown code by its detail', () => {
    expect(describeBounce(explainBounce({ status: '5.2.2' }), BOUNCE_TEXTS_ZH)).toMatchObject({ title: '5.2.2', cause: '收件人的邮箱已满。', action: BOUNCE_TEXTS_ZH.fixes.recipient });
  });
  it('says so when there is no code at all', () => {
    expect(describeBounce(explainBounce({}), BOUNCE_TEXTS_EN)).toMatchObject({ cause: BOUNCE_TEXTS_EN.noCode, action: BOUNCE_TEXTS_EN.noCode });
  });
});
