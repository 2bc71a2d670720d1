// The message analyser (/tools/message/) against the local DNS stack.
//  - Messages signed here with the real keys of tests/fixtures/dkim/ (RSA 2048 and Ed25519,
//    made with openssl), whose public halves msg.test publishes (tests/dns/zones/msg.test.zone):
//    both pass; a changed body and a changed signed header fail, each for its own reason.
//  - The RFC 8463 example message verifies against its published keys (football.example.com).
//  - DSNs modelled on each provider's documented text, a GBK subject, hop delays across time
//    zones, bad input of every kind, markup in the message, the copy report, and the markup
//    contract of architecture §3 read exactly as outside tests read it.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { BOUNCE_TEXTS_EN } from '../../src/core/message/bounce.en';
import { BOUNCE_TEXTS_ZH } from '../../src/core/message/bounce.zh';
import { signMessage } from '../unit/support/dkim-signer';
import { expect, test } from './fixtures';
import { stack, toolUrl } from './stack';

const RESULT_WORDS = ['pass', 'fail', 'softfail', 'neutral', 'none', 'policy', 'temperror', 'permerror'];

/** A message from msg.test as its sending server hands it over (CRLF), with a receiver's Received header on top. */
function message(o: { subject?: string; body?: string; from?: string; ip?: string; extra?: string[] } = {}): string {
  return [
    ...(o.extra ?? []),
    `Received: from mail.msg.test (mail.msg.test [${o.ip ?? '203.0.113.5'}])`,
    '\tby mx.example.net (Postfix) with ESMTPS id 4XkQ2b for <li@example.net>;',
    '\tTue,  3 Nov 2026 09:15:04 +0800 (CST)',
    'Return-Path: <zhang@msg.test>',
    `From: ${o.from ?? 'Zhang San <zhang@msg.test>'}`,
    'To: li@example.net',
    `Subject: ${o.subject ?? 'Quarterly report'}`,
    'Date: Tue, 03 Nov 2026 09:14:59 +0800',
    'Message-ID: <r1@msg.test>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    o.body ?? 'Hello Li,\r\n\r\nThe report is attached.\r\n\r\nZhang',
    '',
  ].join('\r\n');
}

/** Signed first with RSA 2048 (selector rsa), then Ed25519 (selector ed, on top). */
async function signedTwice(text: string): Promise<string> {
  const once = await signMessage(text, { key: 'rsa2048', domain: 'msg.test', selector: 'rsa' });
  return signMessage(once, { key: 'ed25519', domain: 'msg.test', selector: 'ed' });
}

const LABELS = {
  zh: { box: '邮件原文或退信', analyse: '分析', file: '或选择邮件文件', ip: '发信服务器的 IP（可选）', options: '更多选项：发信 IP、解析服务器' },
  en: { box: 'Message source or bounce', analyse: 'Analyse', file: 'Or pick a message file', ip: 'IP of the sending server (optional)', options: 'More options: sending IP, resolvers' },
} as const;

/** Opens the analyser with the local resolver and waits until it can be used. */
async function open(page: Page, lang: 'zh' | 'en' = 'zh', resolver = stack.resolver) {
  await page.goto(toolUrl(lang === 'zh' ? '/tools/message/' : '/en/tools/message/', {}, resolver));
  await expect(page.locator('astro-island[client="tool"][ssr]')).toHaveCount(0);
}

/** Puts the text in the box, presses the button, and waits for the final result. */
async function analyse(page: Page, text: string, lang: 'zh' | 'en' = 'zh') {
  await page.getByRole('textbox', { name: LABELS[lang].box }).fill(text);
  await page.getByRole('button', { name: LABELS[lang].analyse, exact: true }).click();
  await expect(page.locator('[data-widget="message-analyser"] [data-phase="done"]')).toBeVisible({ timeout: 15_000 });
}

const browser = (page: Page, method: string) => page.locator(`[data-auth="${method}"][data-source="browser"]`);
const receiver = (page: Page, method: string) => page.locator(`[data-auth="${method}"][data-source="receiver"]`);

test.describe('DKIM, SPF and DMARC verified in the browser', () => {
  test('a message signed with RSA 2048 and Ed25519 passes both signatures, SPF and DMARC', async ({ page }) => {
    const text = await signedTwice(
      message({
        extra: ['Authentication-Results: mx.example.net; dkim=pass header.d=msg.test header.s=ed; dkim=pass header.d=msg.test header.s=rsa; spf=pass smtp.mailfrom=zhang@msg.test; dmarc=pass header.from=msg.test'],
      }),
    );
    await open(page);
    await analyse(page, text);
    // One verdict at the top.
    await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'dmarc-pass');
    await expect(page.getByRole('status').filter({ hasText: '通过：这封邮件以发件人域名 msg.test 的名义通过了 DMARC' })).toBeVisible();
    // Each signature, top first: Ed25519 (signed last), then RSA.
    const dkim = browser(page, 'dkim');
    await expect(dkim).toHaveCount(2);
    for (const [i, selector] of ['ed', 'rsa'].entries()) {
      await expect(dkim.nth(i)).toHaveAttribute('data-result', 'pass');
      await expect(dkim.nth(i)).toHaveAttribute('data-domain', 'msg.test');
      await expect(dkim.nth(i)).toHaveAttribute('data-selector', selector);
    }
    await expect(dkim.nth(0)).toContainText('Ed25519');
    await expect(dkim.nth(1)).toContainText('RSA 2048 位');
    await expect(browser(page, 'spf')).toHaveAttribute('data-result', 'pass');
    await expect(browser(page, 'spf')).toContainText('203.0.113.5');
    await expect(browser(page, 'dmarc')).toHaveAttribute('data-result', 'pass');
    await expect(browser(page, 'dmarc')).toContainText('p=reject');
    // What the receiver wrote, beside ours.
    await expect(receiver(page, 'dkim')).toHaveCount(2);
    await expect(receiver(page, 'dkim').nth(0)).toHaveAttribute('data-selector', 'ed');
    await expect(receiver(page, 'spf')).toHaveAttribute('data-result', 'pass');
    await expect(receiver(page, 'dmarc')).toHaveAttribute('data-result', 'pass');
    // The honest note: checked now, records may have changed since.
    await expect(page.locator('[data-note="checked-now"]')).toContainText('检查用的是现在的 DNS');
  });

  test('shows pending while the keys are asked for, then the final results (slow resolver)', async ({ page }) => {
    const text = await signedTwice(message());
    await open(page, 'en', stack.slow);
    await page.getByRole('textbox', { name: LABELS.en.box }).fill(text);
    await page.getByRole('button', { name: 'Analyse', exact: true }).click();
    // The checks are drawn at once as pending …
    await expect(browser(page, 'dkim')).toHaveCount(2);
    await expect(browser(page, 'dkim').first()).toHaveAttribute('data-result', 'pending');
    await expect(browser(page, 'spf')).toHaveAttribute('data-result', 'pending');
    await expect(browser(page, 'dmarc')).toHaveAttribute('data-result', 'pending');
    // … and become final together once the resolver answers.
    await expect(browser(page, 'dmarc')).toHaveAttribute('data-result', 'pass', { timeout: 15_000 });
    await expect(browser(page, 'dkim').nth(0)).toHaveAttribute('data-result', 'pass');
    await expect(browser(page, 'dkim').nth(1)).toHaveAttribute('data-result', 'pass');
  });

  test('a changed body is told as a body-hash mismatch', async ({ page }) => {
    const text = (await signedTwice(message())).replace('The report is attached.', 'The report is attached. Pay this invoice.');
    await open(page, 'en');
    await analyse(page, text, 'en');
    const dkim = browser(page, 'dkim');
    for (const i of [0, 1]) {
      await expect(dkim.nth(i)).toHaveAttribute('data-result', 'fail');
      await expect(dkim.nth(i)).toHaveAttribute('data-reason', 'body-hash-mismatch');
      await expect(dkim.nth(i).locator('[data-check="body-hash"]')).toHaveText('does not match');
      await expect(dkim.nth(i).locator('[data-check="header-signature"]')).toHaveText('matches');
    }
    await expect(dkim.first()).toContainText('The body changed after signing');
    // SPF still passes, so DMARC passes on aligned SPF.
    await expect(browser(page, 'dmarc')).toHaveAttribute('data-result', 'pass');
  });

  test('a changed signed header is told as a signature mismatch', async ({ page }) => {
    const text = (await signedTwice(message())).replace('Subject: Quarterly report', 'Subject: Quarterly report (urgent)');
    await open(page, 'en');
    await analyse(page, text, 'en');
    const dkim = browser(page, 'dkim');
    for (const i of [0, 1]) {
      await expect(dkim.nth(i)).toHaveAttribute('data-result', 'fail');
      await expect(dkim.nth(i)).toHaveAttribute('data-reason', 'signature-mismatch');
      await expect(dkim.nth(i).locator('[data-check="body-hash"]')).toHaveText('matches');
      await expect(dkim.nth(i).locator('[data-check="header-signature"]')).toHaveText('does not match');
    }
  });

  test('an IP entered by hand replaces the one from the headers: SPF fails, and DMARC with it when DKIM fails too', async ({ page }) => {
    const text = (await signedTwice(message())).replace('Zhang\r\n', 'Zhang (changed)\r\n');
    await open(page, 'en');
    await page.getByText(LABELS.en.options).click();
    await page.getByRole('textbox', { name: LABELS.en.ip }).fill('198.51.100.9');
    await analyse(page, text, 'en');
    await expect(browser(page, 'spf')).toHaveAttribute('data-result', 'fail');
    await expect(browser(page, 'spf')).toContainText('198.51.100.9');
    await expect(browser(page, 'spf')).toContainText('entered by you');
    await expect(browser(page, 'dmarc')).toHaveAttribute('data-result', 'fail');
    await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'dmarc-fail');
    // Which to fix, each with its guide page.
    await expect(page.locator('[data-advice="spf-not-passing"] a')).toHaveAttribute('href', '/en/dns/spf/');
    await expect(page.locator('[data-advice="dkim-not-passing"] a')).toHaveAttribute('href', '/en/dns/dkim/');
  });

  test('the RFC 8463 example verifies against its published keys (Ed25519 and RSA)', async ({ page }) => {
    const text = readFileSync('tests/fixtures/message/rfc8463-a3.eml', 'utf8');
    await open(page, 'en');
    await analyse(page, text, 'en');
    const dkim = browser(page, 'dkim');
    await expect(dkim).toHaveCount(2);
    await expect(dkim.nth(0)).toHaveAttribute('data-selector', 'brisbane');
    await expect(dkim.nth(1)).toHaveAttribute('data-selector', 'test');
    for (const i of [0, 1]) {
      await expect(dkim.nth(i)).toHaveAttribute('data-result', 'pass');
      await expect(dkim.nth(i)).toHaveAttribute('data-domain', 'football.example.com');
    }
  });

  test('headers only: the key and the header signature are checked, the body hash is said to be missing', async ({ page }) => {
    const signed = await signedTwice(message());
    const headersOnly = signed.slice(0, signed.indexOf('\r\n\r\n') + 2);
    await open(page, 'en');
    await analyse(page, headersOnly, 'en');
    await expect(page.locator('[data-note="headers-only"]')).toBeVisible();
    for (const i of [0, 1]) {
      await expect(browser(page, 'dkim').nth(i)).toHaveAttribute('data-result', 'neutral');
      await expect(browser(page, 'dkim').nth(i)).toHaveAttribute('data-reason', 'no-body');
      await expect(browser(page, 'dkim').nth(i).locator('[data-check="header-signature"]')).toHaveText('matches');
    }
  });
});

test.describe('DMARC beyond the best case', () => {
  test('testing.test has t=y: a failing message gets its policy one level lower, said in both languages', async ({ page }) => {
    // testing.test publishes p=quarantine; t=y. Sent from an IP outside its SPF, unsigned: DMARC fails.
    const text = message({ from: 'Zhang <zhang@testing.test>' }).replace('Return-Path: <zhang@msg.test>', 'Return-Path: <zhang@testing.test>');
    for (const lang of ['en', 'zh'] as const) {
      await open(page, lang);
      await analyse(page, text, lang);
      await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'dmarc-fail');
      const dmarc = browser(page, 'dmarc');
      await expect(dmarc).toHaveAttribute('data-result', 'fail');
      await expect(dmarc).toContainText('p=quarantine');
      // quarantine, lowered by t=y: no action.
      await expect(dmarc.locator('[data-applied]')).toHaveAttribute('data-applied', 'none');
      await expect(dmarc.locator('[data-testing]')).toBeVisible();
      if (lang === 'en') {
        await expect(dmarc.locator('[data-applied]')).toContainText('the record states quarantine, and t=y (testing) lowers it one level');
        await expect(page.getByRole('status').filter({ hasText: 'testing mode (t=y)' })).toContainText('(quarantine becomes none)');
      } else {
        await expect(dmarc.locator('[data-applied]')).toContainText('记录写的是 quarantine，t=y（测试中）使它降低一级');
        await expect(page.getByRole('status').filter({ hasText: '测试模式（t=y）' })).toContainText('quarantine 降为 none');
      }
    }
  });

  test('an internationalised sender domain is asked in A-labels and shown as written (例子.test)', async ({ page }) => {
    // xn--fsqu00a.test publishes p=quarantine (no t=y); this message is unsigned and from an IP outside its SPF.
    const text = message({ from: '李四 <li@例子.test>' }).replace('Return-Path: <zhang@msg.test>', 'Return-Path: <li@例子.test>');
    await open(page, 'en');
    await analyse(page, text, 'en');
    await expect(page.locator('[data-header="from"]')).toHaveText('李四 <li@例子.test>');
    const dmarc = browser(page, 'dmarc');
    // The record was found, so _dmarc.xn--fsqu00a.test was asked; the page names the domain as written.
    await expect(dmarc).toHaveAttribute('data-result', 'fail');
    await expect(dmarc).toContainText('p=quarantine');
    await expect(dmarc).toHaveAttribute('data-domain', '例子.test');
    await expect(dmarc.getByRole('link', { name: 'Check every DNS record of 例子.test' })).toHaveAttribute('href', /domain=xn--fsqu00a\.test/);
    await expect(page.locator('[data-verdict]')).toContainText('例子.test');
  });
});

test.describe('bounces modelled on each provider’s documented text', () => {
  /** A Postfix-style RFC 3464 DSN around a remote server's reply, with the returned headers. */
  const dsn = (o: { rcpt: string; status: string; remote: string; diagnostic: string; action?: string }) =>
    [
      'From: MAILER-DAEMON@smtp.msg.test (Mail Delivery System)',
      'To: zhang@msg.test',
      'Subject: Undelivered Mail Returned to Sender',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B1"',
      '',
      '--B1',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'This is the mail system at host smtp.msg.test.',
      '',
      '--B1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; smtp.msg.test',
      '',
      `Final-Recipient: rfc822; ${o.rcpt}`,
      `Action: ${o.action ?? 'failed'}`,
      `Status: ${o.status}`,
      `Remote-MTA: dns; ${o.remote}`,
      `Diagnostic-Code: smtp; ${o.diagnostic}`,
      '',
      '--B1',
      'Content-Type: text/rfc822-headers',
      '',
      'From: =?UTF-8?B?5byg5LiJ?= <zhang@msg.test>',
      'To: li@example.net',
      'Subject: =?GBK?B?suLK1A==?=',
      'Message-ID: <r1@msg.test>',
      '',
      '--B1--',
      '',
    ].join('\r\n');

  const rows = [
    { id: 'gmail-dmarc-policy', rcpt: 'li@gmail.com', status: '5.7.26', remote: 'gmail-smtp-in.l.google.com', guide: 'dns/dmarc', diagnostic: "550-5.7.26 Unauthenticated email from msg.test is not accepted due to domain's DMARC policy. Please contact the administrator of msg.test domain if this was a legitimate mail. 550 5.7.26 DMARC initiative. - gsmtp" },
    { id: 'gmail-unauthenticated', rcpt: 'li@gmail.com', status: '5.7.26', remote: 'gmail-smtp-in.l.google.com', guide: 'troubleshooting/bounced-or-spam', diagnostic: '550-5.7.26 This mail is unauthenticated, which poses a security risk to the sender and Gmail users, and has been blocked. The sender must authenticate with at least one of SPF or DKIM. - gsmtp' },
    { id: 'microsoft-auth-level', rcpt: 'li@outlook.com', status: '5.7.515', remote: 'outlook-com.olc.protection.outlook.com', guide: 'troubleshooting/bounced-or-spam', diagnostic: '550 5.7.515 Access denied, sending domain msg.test does not meet the required authentication level.' },
    { id: 'yahoo-deferred', rcpt: 'li@yahoo.com', status: '4.7.0', remote: 'mta7.am0.yahoodns.net', guide: 'troubleshooting/bounced-or-spam', action: 'delayed', diagnostic: '421 4.7.0 [TSS04] Messages from 203.0.113.5 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes' },
    { id: 'qq-dmarc', rcpt: 'li@qq.com', status: '5.0.0', remote: 'mx3.qq.com', guide: 'dns/dmarc', diagnostic: '550 DMARC check failed. http://service.mail.qq.com/cgi-bin/help?subtype=1&&no=1001508&&id=16' },
    { id: 'netease-spam', rcpt: 'li@163.com', status: '5.0.0', remote: '163mx01.mxmail.netease.com', guide: 'troubleshooting/bounced-or-spam', diagnostic: '554 DT:SPM 163 mx14,QMCowAD3xxx 1730596500, please see http://mail.163.com/help/help_spam_16.htm?ip=203.0.113.5&hostid=mx14&time=1730596500' },
    { id: 'alibaba-not-local', rcpt: 'li@example.org', status: '5.0.0', remote: 'mx1.qiye.aliyun.com', guide: 'reference/bounce-codes', diagnostic: "503 Rcptto account isn't a local account" },
  ] as const;

  for (const row of rows) {
    test(`${row.id} (${row.status}) is explained with its guide page, in both languages`, async ({ page }) => {
      for (const lang of ['zh', 'en'] as const) {
        await open(page, lang);
        await analyse(page, dsn(row), lang);
        await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'bounce');
        const card = page.locator(`[data-bounce-status="${row.status}"]`);
        await expect(card).toHaveCount(1);
        // The provider's case, in the page's language, and the guide page to read.
        const texts = lang === 'zh' ? BOUNCE_TEXTS_ZH : BOUNCE_TEXTS_EN;
        await expect(card.getByRole('heading', { name: texts.ids[row.id].title })).toBeVisible();
        await expect(card).toContainText(texts.ids[row.id].action);
        await expect(card.getByRole('link', { name: lang === 'zh' ? /^详见：/ : /^Read: / })).toHaveAttribute('href', `${lang === 'en' ? '/en' : ''}/${row.guide}/`);
        await expect(card).toContainText(row.rcpt);
        await expect(card).toContainText(row.remote);
      }
      // The verdict names the recipient and the code (English page, opened last).
      await expect(page.locator('[data-verdict]')).toContainText(row.rcpt);
      // The returned message's GBK subject, decoded.
      await expect(page.locator('[data-returned-header="subject"]')).toHaveText('测试');
    });
  }

  test('a plain-text Chinese notice without a DSN part is read from its wording', async ({ page }) => {
    const notice = [
      'From: 系统退信 <postmaster@msg.test>',
      'To: zhang@msg.test',
      'Subject: =?UTF-8?B?57O757uf6YCA5L+h?=',
      'Content-Type: text/plain; charset=utf-8',
      '',
      '很抱歉，您的邮件没有发送成功。',
      '收件人：li@example.net',
      '退信原因：550 5.1.1 Recipient address rejected: User unknown',
      '',
    ].join('\r\n');
    await open(page);
    await analyse(page, notice);
    const card = page.locator('[data-bounce-status="5.1.1"]');
    await expect(card).toContainText('li@example.net');
    await expect(card.getByRole('link', { name: /^详见：/ })).toHaveAttribute('href', '/reference/bounce-codes/');
  });
});

test.describe('headers and hops', () => {
  test('a GBK subject and a Big5 display name are decoded', async ({ page }) => {
    await open(page);
    await analyse(page, message({ subject: '=?GBK?B?vL62yLGouOajurLiytTTyrz+?=', from: '=?big5?B?pP2kcKn6?= <zhang@msg.test>' }));
    await expect(page.locator('[data-header="subject"]')).toHaveText('季度报告：测试邮件');
    await expect(page.locator('[data-header="from"]')).toHaveText('王小明 <zhang@msg.test>');
  });

  test('hop delays are whole seconds across time zones, in order from the sender; a long delay and a hop without TLS are pointed out', async ({ page }) => {
    const text = [
      // Newest first, as servers add them: the receiver at UTC−5 …
      'Received: from relay.example.net (relay.example.net [198.51.100.20]) by mx.example.com with SMTP id C3; Mon, 2 Nov 2026 20:23:08 -0500',
      // … a relay at UTC …
      'Received: from mail.msg.test (mail.msg.test [203.0.113.5]) by relay.example.net with ESMTPS id B2 (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384); Tue, 3 Nov 2026 01:15:07 +0000',
      // … the sender's own server at UTC+8.
      'Received: from [192.168.1.20] (unknown [192.168.1.20]) by mail.msg.test with ESMTPSA id A1; Tue, 3 Nov 2026 09:15:00 +0800',
      'From: zhang@msg.test',
      'Subject: hops',
      '',
      'x',
    ].join('\r\n');
    await open(page, 'en');
    await analyse(page, text, 'en');
    const hops = page.locator('[data-hop]');
    await expect(hops).toHaveCount(3);
    expect(await hops.evaluateAll((els) => els.map((e) => [e.getAttribute('data-hop'), e.getAttribute('data-delay-s')]))).toEqual([
      ['0', ''],
      ['1', '7'],
      ['2', '481'],
    ]);
    await expect(hops.nth(0)).toContainText('2026-11-03 09:15:00 +0800');
    await expect(hops.nth(1)).toContainText('2026-11-03 01:15:07 +0000');
    await expect(hops.nth(2)).toContainText('2026-11-02 20:23:08 -0500');
    await expect(hops.nth(2).locator('[data-hop-flag="long-delay"]')).toBeVisible();
    await expect(hops.nth(2).locator('[data-hop-flag="no-tls"]')).toBeVisible();
    await expect(hops.nth(1).locator('[data-hop-flag]')).toHaveCount(0);
    await expect(page.locator('[data-total-s]')).toHaveAttribute('data-total-s', '488');
  });
});

test.describe('what the receiver and the forwarders saw', () => {
  test('the newest ARC set is shown with its instance beside the Authentication-Results; a hop after one without a time says from where it is measured', async ({ page }) => {
    const text = [
      'Authentication-Results: mx.example.net; spf=fail smtp.mailfrom=list.example.org; dkim=fail header.d=msg.test; arc=pass',
      'ARC-Authentication-Results: i=2; list.example.org; spf=pass smtp.mailfrom=zhang@msg.test; dkim=pass header.d=msg.test header.s=rsa; dmarc=pass header.from=msg.test',
      'ARC-Authentication-Results: i=1; relay.example.org; spf=pass smtp.mailfrom=zhang@msg.test',
      'Received: from list.example.org (list.example.org [198.51.100.30]) by mx.example.net with ESMTPS id C3; Tue, 3 Nov 2026 09:15:30 +0800',
      'Received: from mail.msg.test (mail.msg.test [203.0.113.5]) by list.example.org with ESMTPS id B2',
      'Received: from [192.168.1.20] (unknown [192.168.1.20]) by mail.msg.test with ESMTPSA id A1; Tue, 3 Nov 2026 09:15:00 +0800',
      'From: zhang@msg.test',
      'Subject: forwarded',
      '',
      'x',
    ].join('\r\n');
    await open(page, 'en');
    await analyse(page, text, 'en');
    // The final receiver's own results stay the ones the markup contract names …
    await expect(receiver(page, 'spf')).toHaveAttribute('data-result', 'fail');
    await expect(receiver(page, 'arc')).toHaveAttribute('data-result', 'pass');
    // … and the newest ARC set (instance 2, not 1) is shown beside them.
    const arc = page.locator('[data-arc-instance]');
    await expect(arc).toHaveAttribute('data-arc-instance', '2');
    await expect(arc).toContainText('The newest ARC set (instance 2), recorded by list.example.org');
    await expect(arc.locator('[data-arc-auth="dmarc"]')).toHaveAttribute('data-result', 'pass');
    await expect(arc.locator('[data-arc-auth="dkim"]')).toHaveAttribute('data-selector', 'rsa');
    // Hop 2 has no time: hop 3 is measured from hop 1, and says so (its data-delay-s stays empty: not from the previous hop).
    const hops = page.locator('[data-hop]');
    expect(await hops.evaluateAll((els) => els.map((e) => e.getAttribute('data-delay-s')))).toEqual(['', '', '']);
    await expect(hops.nth(1)).toContainText('cannot be measured');
    await expect(hops.nth(2)).toContainText('After hop 1 (the hops between give no time)');
    await expect(hops.nth(2)).toContainText('+30 s');
  });
});

test.describe('input it cannot use gets a clear message', () => {
  test('empty, and text without headers', async ({ page }) => {
    await open(page, 'en');
    await page.getByRole('button', { name: 'Analyse', exact: true }).click();
    await expect(page.locator('[data-input-error="empty"]')).toContainText('Nothing was given');
    await analyse(page, 'hello, please help, my mail bounced', 'en');
    await expect(page.locator('[data-input-error="no-headers"]')).toBeVisible();
    await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'input-error');
  });

  test('a binary file', async ({ page }) => {
    await open(page, 'en');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.alloc(2000, 7)]);
    await page.getByLabel(LABELS.en.file).setInputFiles({ name: 'photo.eml', mimeType: 'message/rfc822', buffer: png });
    await expect(page.locator('[data-input-error="binary"]')).toBeVisible({ timeout: 15_000 });
    await expect(page.locator('[data-file="photo.eml"]')).toBeVisible();
  });

  test('10 MB of text: the headers are read, the body is not, and the work runs in a worker', async ({ page }) => {
    // Handing Chromium a 10 MB file over the DevTools protocol alone takes several seconds.
    test.setTimeout(120_000);
    await open(page, 'en');
    const signed = await signedTwice(message());
    const big = Buffer.from(signed + 'x'.repeat(100).concat('\r\n').repeat(105_000));
    expect(big.length).toBeGreaterThan(10 * 1024 * 1024);
    await page.getByLabel(LABELS.en.file).setInputFiles({ name: 'big.eml', mimeType: 'message/rfc822', buffer: big });
    // The widest gap between two frames from here on is recorded (reported, not asserted: times belong in the benchmark).
    await page.evaluate(() => {
      const w = window as unknown as { __gap: number; __last: number };
      w.__gap = 0;
      w.__last = performance.now();
      const tick = (now: number) => {
        w.__gap = Math.max(w.__gap, now - w.__last);
        w.__last = now;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await expect(page.locator('[data-input-error="too-large"]')).toBeVisible({ timeout: 60_000 });
    await expect(page.locator('[data-widget="message-analyser"] [data-phase="done"]')).toBeVisible({ timeout: 60_000 });
    await expect(page.locator('[data-header="subject"]')).toHaveText('Quarterly report');
    await expect(browser(page, 'dkim').first()).toHaveAttribute('data-reason', 'no-body');
    // The parsing ran in the analyser's worker, not on the page's main thread.
    expect(page.workers().map((w) => new URL(w.url()).pathname)).toEqual([expect.stringMatching(/^\/_astro\/analyse\.worker-[\w-]+\.js$/)]);
    const gap = await page.evaluate(() => (window as unknown as { __gap: number }).__gap);
    test.info().annotations.push({ type: 'longest frame gap after the file was picked', description: `${Math.round(gap)} ms` });
  });

  test('500 headers, a DKIM-Signature full of garbage, a key that is no key, and a signature over 100 headers', async ({ page }) => {
    const many = Array.from({ length: 520 }, (_, i) => `X-Filler-${i}: ${i}`);
    const hundred = Array.from({ length: 101 }, () => 'from').join(':');
    const text = message({
      extra: [
        'DKIM-Signature: ]]]]}}}} garbage; ;; === not a tag list',
        'DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=msg.test; s=nokey; h=from:subject; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=dGVzdA==',
        `DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=msg.test; s=rsa; h=${hundred}; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=dGVzdA==`,
      ],
    }).replace('MIME-Version: 1.0', [...many, 'MIME-Version: 1.0'].join('\r\n'));
    await open(page, 'en');
    await analyse(page, text, 'en');
    await expect(page.locator('[data-input-error="too-many-headers"]')).toBeVisible();
    const dkim = browser(page, 'dkim');
    await expect(dkim).toHaveCount(3);
    await expect(dkim.nth(0)).toHaveAttribute('data-result', 'permerror');
    await expect(dkim.nth(0)).toHaveAttribute('data-reason', 'malformed-signature');
    await expect(dkim.nth(1)).toHaveAttribute('data-result', 'permerror');
    await expect(dkim.nth(1)).toHaveAttribute('data-reason', 'key-syntax');
    await expect(dkim.nth(1)).toContainText('not a usable key');
    await expect(dkim.nth(2)).toHaveAttribute('data-reason', 'too-many-signed-headers');
    // The rest of the message was still read.
    await expect(page.locator('[data-header="subject"]')).toHaveText('Quarterly report');
  });

  test('markup in the message is shown as text and runs nothing', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await open(page, 'en');
    await analyse(
      page,
      message({
        subject: '<img src=x onerror="window.__xss=1"> <script>window.__xss=1</script>',
        from: '"<b>Boss</b>" <zhang@msg.test>',
        extra: ['Authentication-Results: <i>mx</i>; spf=pass (<script>window.__xss=1</script>) smtp.mailfrom=zhang@msg.test'],
      }),
      'en',
    );
    await expect(page.locator('[data-header="subject"]')).toHaveText('<img src=x onerror="window.__xss=1"> <script>window.__xss=1</script>');
    await expect(page.locator('[data-header="from"]')).toHaveText('<b>Boss</b> <zhang@msg.test>');
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await expect(page.locator('b', { hasText: 'Boss' })).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(errors).toEqual([]);
  });
});

test.describe('page behaviour', () => {
  test('a paste runs at once; the address never carries the message', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await open(page, 'en');
    const text = await signedTwice(message());
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await page.getByRole('textbox', { name: LABELS.en.box }).focus();
    await page.keyboard.press('Control+V');
    await expect(browser(page, 'dmarc')).toHaveAttribute('data-result', 'pass', { timeout: 15_000 });
    const url = new URL(page.url());
    expect([...url.searchParams.keys()]).toEqual(['resolver']);
  });

  test('an analysis asks only the resolver, with GET /dns-query?dns=, and loads only this site’s files', async ({ page, context, offsite }) => {
    const requests: { method: string; url: URL }[] = [];
    // Every request of the page and its worker, from before the page loads.
    context.on('request', (r) => requests.push({ method: r.method(), url: new URL(r.url()) }));
    await open(page, 'en');
    const site = new URL(page.url()).origin;
    const resolver = new URL(stack.resolver);
    await analyse(page, await signedTwice(message()), 'en');
    await expect(browser(page, 'dmarc')).toHaveAttribute('data-result', 'pass');
    const dns = requests.filter((r) => r.url.origin === resolver.origin);
    const others = requests.filter((r) => r.url.origin !== resolver.origin && r.url.origin !== site);
    expect(dns.length).toBeGreaterThan(0);
    // Questions only: GET, the one path, and nothing in the address but the dns= parameter (RFC 8484).
    expect(dns.filter((r) => r.method !== 'GET' || r.url.pathname !== resolver.pathname || [...r.url.searchParams.keys()].join() !== 'dns')).toEqual([]);
    // The site's own files, fetched with GET; nothing anywhere else.
    expect(requests.filter((r) => r.url.origin === site && r.method !== 'GET')).toEqual([]);
    expect(others.map((r) => r.url.href)).toEqual([]);
    expect(offsite).toEqual([]);
  });

  test('without Web Workers the analysis runs in the page, with the same result', async ({ page }) => {
    await page.addInitScript(() => {
      // As in a browser without workers.
      delete (window as { Worker?: unknown }).Worker;
    });
    await open(page, 'en');
    await analyse(page, await signedTwice(message()), 'en');
    await expect(page.locator('script[data-mg-analyser]')).toHaveCount(1);
    await expect(browser(page, 'dkim').nth(0)).toHaveAttribute('data-result', 'pass');
    await expect(browser(page, 'dkim').nth(1)).toHaveAttribute('data-result', 'pass');
    await expect(browser(page, 'dmarc')).toHaveAttribute('data-result', 'pass');
  });

  test('copy report holds the link, the verdict, the headers and each result', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await open(page);
    await analyse(page, await signedTwice(message({ subject: '=?GBK?B?suLK1A==?=' })));
    await page.locator('[data-copy-report]').click();
    const report = await page.evaluate(() => navigator.clipboard.readText());
    expect(report.split('\n')[0]).toBe('邮件分析');
    // The bare page link: the message stays private, and the address carries none of it.
    const url = new URL(page.url());
    expect(report.split('\n')[1]).toBe(`链接：${url.origin}${url.pathname}`);
    expect(report).toContain('结论：通过：这封邮件以发件人域名 msg.test 的名义通过了 DMARC');
    expect(report).toContain('主题：测试');
    expect(report).toContain('[通过（pass）] DKIM（现在检查） d=msg.test s=ed');
    expect(report).toContain('[通过（pass）] DKIM（现在检查） d=msg.test s=rsa');
    expect(report).toContain('[通过（pass）] SPF（现在检查） d=msg.test');
    expect(report).toContain('[通过（pass）] DMARC（现在检查） d=msg.test');
    expect(report).toContain('查询的解析服务器');
  });

  test('nothing scrolls sideways at 390 px, and the results use the full width at 1280 px', async ({ page }) => {
    const text = await signedTwice(message({ extra: ['Authentication-Results: mx.example.net; dkim=pass header.d=msg.test header.s=ed; spf=pass smtp.mailfrom=zhang@msg.test; dmarc=pass header.from=msg.test'] }));
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page);
    await analyse(page, text);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 800 });
    const width = await page.locator('[data-widget="message-analyser"]').evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeGreaterThan(900);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  });

  test('the markup contract: every data-result is an RFC 8601 word, every delay whole seconds, every status x.y.z', async ({ page }) => {
    await open(page);
    const text = await signedTwice(
      message({ extra: ['Authentication-Results: mx.example.net; dkim=pass header.d=msg.test header.s=ed; spf=softfail smtp.mailfrom=zhang@msg.test; dmarc=pass header.from=msg.test; arc=none'] }),
    );
    await analyse(page, text);
    const results = await page.locator('[data-auth]').evaluateAll((els) =>
      els.map((e) => ({ auth: e.getAttribute('data-auth'), source: e.getAttribute('data-source'), result: e.getAttribute('data-result'), domain: e.getAttribute('data-domain'), selector: e.getAttribute('data-selector') })),
    );
    expect(results.map((r) => `${r.auth}/${r.source}=${r.result}`)).toEqual([
      'dkim/receiver=pass',
      'spf/receiver=softfail',
      'dmarc/receiver=pass',
      'arc/receiver=none',
      'dkim/browser=pass',
      'dkim/browser=pass',
      'spf/browser=pass',
      'dmarc/browser=pass',
    ]);
    for (const r of results) {
      expect(RESULT_WORDS).toContain(r.result);
      if (r.auth === 'dkim') {
        expect(r.domain).toBe('msg.test');
        expect(r.selector).toMatch(/^(ed|rsa)$/);
      }
    }
    const delays = await page.locator('[data-hop]').evaluateAll((els) => els.map((e) => e.getAttribute('data-delay-s')));
    expect(delays).toEqual(['']);
  });
});
