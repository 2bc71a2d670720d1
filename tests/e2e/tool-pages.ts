// Every page with a tool, and how to bring it to a finished result on screen:
// the layout checks (layout.spec.ts) and the screenshots (screenshots.spec.ts)
// go through the same list. A page is opened with its link (?domain=, ?name= …)
// where the tool takes one, or given fixture input (reports, a message) where it
// does not, and is "done" when no part of it is still working.
import type { Page } from '@playwright/test';
import { signMessage } from '../unit/support/dkim-signer';
import { expect } from './fixtures';
import { stack, toolUrl } from './stack';

export interface ToolPage {
  /** A short name, used in test titles and screenshot file names. */
  readonly name: string;
  /** Opens the page and waits until its results are final. */
  readonly open: (page: Page) => Promise<void>;
}

/** Nothing on the page is still pending, running or waiting for its code. */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0, { timeout: 15_000 });
  await page.waitForFunction(
    () =>
      !document.querySelector(
        '[data-status="pending"], [data-spf-result="pending"], [data-result="pending"], [data-ptr="pending"], [aria-busy="true"], [data-phase="running"]',
      ),
    null,
    { timeout: 15_000 },
  );
  // Fonts and the last paint of the results.
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => r(null)))));
}

/** A link that runs the tool at once; `done` appears when its answer is on screen. */
function linked(name: string, path: () => string, done: string): ToolPage {
  return {
    name,
    open: async (page) => {
      await page.goto(path());
      await expect(page.locator(done).first()).toBeVisible({ timeout: 20_000 });
      await settled(page);
    },
  };
}

/**
 * The header of the msg.test message the tool tests paste: the receiver's Received field, then
 * the sender's fields (the local zones publish msg.test's keys and records).
 */
export const MSG_TEST_HEADER: readonly string[] = [
  'Received: from mail.msg.test (mail.msg.test [203.0.113.5])',
  '\tby mx.example.net (Postfix) with ESMTPS id 4XkQ2b for <li@example.net>;',
  '\tTue,  3 Nov 2026 09:15:04 +0800 (CST)',
  'Return-Path: <zhang@msg.test>',
  'From: Zhang San <zhang@msg.test>',
  'To: li@example.net',
  'Subject: Quarterly report',
  'Date: Tue, 03 Nov 2026 09:14:59 +0800',
  'Message-ID: <r1@msg.test>',
];

/** A message from msg.test signed with the fixture keys (RSA 2048, then Ed25519), as a receiver keeps it. */
async function signedMessage(): Promise<string> {
  const text = [
    'Authentication-Results: mx.example.net; dkim=pass header.d=msg.test header.s=ed; spf=pass smtp.mailfrom=zhang@msg.test; dmarc=pass header.from=msg.test',
    ...MSG_TEST_HEADER,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Hello Li,\r\n\r\nThe report is attached.\r\n\r\nZhang',
    '',
  ].join('\r\n');
  const once = await signMessage(text, { key: 'rsa2048', domain: 'msg.test', selector: 'rsa' });
  return signMessage(once, { key: 'ed25519', domain: 'msg.test', selector: 'ed' });
}

/**
 * The presets the propagation tool compares, answered by the local stack (one from an older copy,
 * so the resolvers disagree); use with `test.use({ presets: PROPAGATION_PRESETS })`.
 */
export const PROPAGATION_PRESETS = {
  get alidns() {
    return stack.resolver;
  },
  get dnspod() {
    return stack.resolver;
  },
  get google() {
    return stack.old;
  },
};

export const TOOL_PAGES: readonly ToolPage[] = [
  // Warnings and failures in several rows (zh), a domain still on another provider (en).
  linked('checker', () => toolUrl('/tools/checker/', { domain: 'weak.test' }), '[data-summary][data-fail]'),
  linked('checker-en', () => toolUrl('/en/tools/checker/', { domain: 'foreign.test' }), '[data-summary][data-fail]'),
  // The include tree with counters over the limit, and the IP test's trail.
  linked('spf', () => toolUrl('/tools/spf/', { domain: 'spf-tree.test', ip: '203.0.113.99' }), '[data-spf-result="fail"]'),
  linked('spf-en', () => toolUrl('/en/tools/spf/', { domain: 'spf-over.test' }), '.mg-spf-result'),
  // A dig-like answer with a long TXT value (a DKIM key).
  linked('lookup', () => toolUrl('/tools/lookup/', { name: 'default._domainkey.complete.test', type: 'TXT' }), '[data-rcode]'),
  linked('lookup-en', () => toolUrl('/en/tools/lookup/', { name: 'complete.test', type: 'MX' }), '[data-rcode]'),
  // Resolvers that disagree, and unreachable ones (needs PROPAGATION_PRESETS).
  linked('propagation', () => '/tools/propagation/?name=stale.test&type=MX', '[data-verdict]'),
  // A signed message, verified in the browser.
  {
    name: 'message',
    open: async (page) => {
      await page.goto(toolUrl('/en/tools/message/', {}));
      await expect(page.locator('astro-island[client="tool"][ssr]')).toHaveCount(0);
      await page.getByRole('textbox', { name: 'Message source or bounce' }).fill(await signedMessage());
      await page.getByRole('button', { name: 'Analyse', exact: true }).click();
      await expect(page.locator('[data-widget="message-analyser"] [data-phase="done"]')).toBeVisible({ timeout: 20_000 });
      await settled(page);
    },
  },
  // Every fixture reporter's style and a refused file.
  {
    name: 'dmarc-reports',
    open: async (page) => {
      await page.goto(toolUrl('/tools/dmarc-reports/', {}));
      await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
      const files = ['google.xml', 'outlook.xml', 'yahoo.xml', 'qq.xml', 'netease.xml', 'rfc9990.xml', 'malformed.xml'];
      await page.locator('input[type=file]').setInputFiles(files.map((f) => `tests/fixtures/dmarc/${f}`));
      await expect(page.locator('[data-total-messages]')).toBeVisible({ timeout: 15_000 });
      await settled(page);
    },
  },
  // The client settings card (drawn when scrolled to), and a troubleshooting page with its checker.
  {
    name: 'client-settings',
    open: async (page) => {
      await page.goto('/en/clients/settings/?provider=aliyun-intl');
      await page.locator('[data-protocol="imap"]').first().scrollIntoViewIfNeeded();
      await settled(page);
      await page.evaluate(() => window.scrollTo(0, 0));
    },
  },
  linked(
    'troubleshooting',
    () => toolUrl('/troubleshooting/not-receiving/', { domain: 'foreign.test' }),
    '[data-summary][data-fail]',
  ),
];
