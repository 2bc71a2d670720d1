import { describe, expect, it } from 'vitest';
import { arcAuth, badgeFor, browserAuth, epochText, hopTime, receiverAuth, receiverOthers, verdictFacts } from '~/components/MessageAnalyser/present';
import type { MessageAnalysis } from '~/core/message/analyse';
import type { FakeZone } from '../../support/fake-dns';
import { analyseOver, EXAMPLE_CN } from '../../support/message-analysis';
import { signMessage } from '../../support/dkim-signer';

const ZONE = EXAMPLE_CN;

const HEAD = [
  'Return-Path: <zhang@example.cn>',
  'Authentication-Results: mx.example.net; spf=softfail smtp.mailfrom=zhang@example.cn; dkim=pass header.d=example.cn header.s=rsa; dkim=fail (bad signature) header.i=@other.example; dmarc=fail header.from=example.cn; arc=none; iprev=pass policy.iprev=203.0.113.5',
  'Received: from smtp.example.cn (smtp.example.cn [203.0.113.5])',
  '\tby mx.example.net (Postfix) with ESMTPS id 4XkQ2b;',
  '\tTue,  3 Nov 2026 09:15:04 +0800 (CST)',
  'From: Zhang <zhang@example.cn>',
  'To: li@example.net',
  'Subject: Hello',
  'Date: Tue, 03 Nov 2026 09:14:59 +0800',
  'Message-ID: <r1@example.cn>',
  '',
  'Hello',
  '',
].join('\r\n');

const analyse = (input: string, zone: FakeZone = ZONE, onUpdate?: (a: MessageAnalysis) => void) =>
  analyseOver(input, zone, { yieldNow: async () => {}, ...(onUpdate ? { onUpdate } : {}) });

describe('browserAuth: our own results, one row per DKIM signature, then SPF and DMARC', () => {
  it('gives the RFC 8601 word, domain and selector of each', async () => {
    const signed = await signMessage(HEAD, { key: 'rsa2048', domain: 'example.cn', selector: 'rsa' });
    const rows = browserAuth(await analyse(signed)).map(({ method, source, result, domain, selector, reason }) => ({ method, source, result, domain, selector, reason }));
    expect(rows).toEqual([
      { method: 'dkim', source: 'browser', result: 'pass', domain: 'example.cn', selector: 'rsa', reason: 'verified' },
      { method: 'spf', source: 'browser', result: 'pass', domain: 'example.cn', selector: undefined, reason: undefined },
      { method: 'dmarc', source: 'browser', result: 'pass', domain: 'example.cn', selector: undefined, reason: undefined },
    ]);
  });

  it('says pending for every check in the first snapshot', async () => {
    const signed = await signMessage(HEAD, { key: 'rsa2048', domain: 'example.cn', selector: 'rsa' });
    const snapshots: MessageAnalysis[] = [];
    await analyse(signed, ZONE, (a) => snapshots.push(a));
    expect(browserAuth(snapshots[0]!).map((r) => `${r.method}=${r.result}`)).toEqual(['dkim=pending', 'spf=pending', 'dmarc=pending']);
  });

  it('reports an unsigned message as dkim=none, and SPF without an IP as none with its reason', async () => {
    const noIp = HEAD.replace(/Received:[^]*?\(CST\)\r\n/, '');
    const rows = browserAuth(await analyse(noIp));
    expect(rows.map((r) => [r.method, r.result, r.reason])).toEqual([
      ['dkim', 'none', undefined],
      ['spf', 'none', 'no-ip'],
      ['dmarc', 'fail', undefined],
    ]);
  });

  it('has no rows for input without headers', async () => {
    expect(browserAuth(await analyse('just some words'))).toEqual([]);
  });
});

describe('receiverAuth: what the receiver wrote', () => {
  it('keeps spf, each dkim, dmarc and arc with their domains; other methods apart', async () => {
    const a = await analyse(HEAD);
    expect(receiverAuth(a).map(({ method, result, domain, selector }) => ({ method, result, domain, selector }))).toEqual([
      { method: 'spf', result: 'softfail', domain: 'example.cn', selector: undefined },
      { method: 'dkim', result: 'pass', domain: 'example.cn', selector: 'rsa' },
      // No header.d: the domain of header.i.
      { method: 'dkim', result: 'fail', domain: 'other.example', selector: '' },
      { method: 'dmarc', result: 'fail', domain: 'example.cn', selector: undefined },
      { method: 'arc', result: 'none', domain: undefined, selector: undefined },
    ]);
    expect(receiverOthers(a).map((r) => `${r.method}=${r.result}`)).toEqual(['iprev=pass']);
    expect(arcAuth(a)).toEqual([]);
  });
});

describe('arcAuth: the newest ARC set beside the Authentication-Results', () => {
  const ARC = [
    'ARC-Authentication-Results: i=2; list.example.org; spf=pass smtp.mailfrom=zhang@example.cn; dkim=pass header.d=example.cn header.s=rsa; dmarc=pass header.from=example.cn',
    'ARC-Authentication-Results: i=1; relay.example.org; spf=none',
  ].join('\r\n');

  it('gives the highest instance’s results, and leaves the receiver’s own as they are', async () => {
    const a = await analyse(`${ARC}\r\n${HEAD}`);
    expect(a.receiver.arc).toMatchObject({ instance: 2, authservId: 'list.example.org' });
    expect(arcAuth(a).map(({ method, source, result, domain }) => ({ method, source, result, domain }))).toEqual([
      { method: 'spf', source: 'receiver', result: 'pass', domain: 'example.cn' },
      { method: 'dkim', source: 'receiver', result: 'pass', domain: 'example.cn' },
      { method: 'dmarc', source: 'receiver', result: 'pass', domain: 'example.cn' },
    ]);
    expect(receiverAuth(a).map((r) => `${r.method}=${r.result}`)).toEqual(['spf=softfail', 'dkim=pass', 'dkim=fail', 'dmarc=fail', 'arc=none']);
  });

  it('is empty when the ARC set already stands in for missing Authentication-Results', async () => {
    const a = await analyse(`${ARC}\r\n${HEAD.replace(/^Authentication-Results:.*\r\n/m, '')}`);
    expect(a.receiver.source).toBe('arc');
    expect(receiverAuth(a).map((r) => `${r.method}=${r.result}`)).toEqual(['spf=pass', 'dkim=pass', 'dmarc=pass']);
    expect(arcAuth(a)).toEqual([]);
  });
});

describe('badgeFor', () => {
  it.each([
    ['pass', 'ok'],
    ['bestguesspass', 'ok'],
    ['fail', 'fail'],
    ['permerror', 'fail'],
    ['hardfail', 'fail'],
    ['temperror', 'error'],
    ['pending', 'pending'],
    ['softfail', 'warn'],
    ['neutral', 'warn'],
    ['none', 'warn'],
    ['policy', 'warn'],
    ['something-new', 'warn'],
  ])('shows %s as %s', (result, badge) => {
    expect(badgeFor(result)).toBe(badge);
  });
});

describe('times', () => {
  it.each([
    // As the server wrote it, in its own zone, whatever the reader's zone.
    [{ ms: Date.UTC(2026, 10, 3, 1, 15, 4), offsetMinutes: 480, zoneKnown: true }, '2026-11-03 09:15:04 +0800'],
    [{ ms: Date.UTC(2026, 10, 2, 17, 15, 4), offsetMinutes: -480, zoneKnown: true }, '2026-11-02 09:15:04 -0800'],
    [{ ms: Date.UTC(2026, 10, 3, 1, 15, 4), offsetMinutes: 330, zoneKnown: true }, '2026-11-03 06:45:04 +0530'],
    [{ ms: Date.UTC(2026, 10, 3, 1, 15, 4), offsetMinutes: 0, zoneKnown: false }, '2026-11-03 01:15:04 +0000'],
  ])('hopTime %#', (date, text) => {
    expect(hopTime(date)).toBe(text);
  });

  it('writes DKIM t= and x= as UTC, and nonsense as the number', () => {
    expect(epochText(1528637909)).toBe('2018-06-10 13:38:29 UTC');
    expect(epochText(1e20)).toBe('100000000000000000000');
  });
});

describe('verdictFacts', () => {
  it('names the policy receivers apply under t=y and the one the record states', async () => {
    const zone: FakeZone = { ...ZONE, '_dmarc.example.cn': { TXT: ['v=DMARC1; p=reject; t=y'] } };
    const a = await analyse(HEAD.replace(/203\.0\.113\.5/g, '198.51.100.7'), zone);
    expect(a.verdict).toBe('dmarc-fail');
    expect(verdictFacts(a)).toEqual({ from: 'example.cn', policy: 'quarantine', testing: true, stated: 'reject' });
  });

  it('shows an internationalised sender domain as written, 例子.cn, though DMARC asked _dmarc.xn--fsqu00a.cn', async () => {
    const zone: FakeZone = { 'xn--fsqu00a.cn': { TXT: ['v=spf1 ip4:203.0.113.0/24 -all'] }, '_dmarc.xn--fsqu00a.cn': { TXT: ['v=DMARC1; p=reject'] } };
    const a = await analyse(HEAD.replace('Return-Path: <zhang@example.cn>', 'Return-Path: <li@例子.cn>').replace('From: Zhang <zhang@example.cn>', 'From: Li <li@例子.cn>'), zone);
    expect(a.dmarc.fromDomain).toBe('xn--fsqu00a.cn');
    expect(verdictFacts(a).from).toBe('例子.cn');
    expect(browserAuth(a).find((r) => r.method === 'dmarc')).toMatchObject({ result: 'pass', domain: '例子.cn' });
  });

  it('says why DMARC gave no verdict when SPF or DKIM passed', async () => {
    const a = await analyse(HEAD.replace('From: Zhang <zhang@example.cn>', 'From: zhang@example.cn, wang@example.net'));
    expect(a.verdict).toBe('authenticated');
    expect(verdictFacts(a)).toMatchObject({ dmarcProblem: 'multiple-from' });
  });

  it('names the recipient, status and server of a bounce, and whether it is temporary', async () => {
    const bounce = [
      'From: MAILER-DAEMON@smtp.example.cn (Mail Delivery System)',
      'Subject: Undelivered Mail Returned to Sender',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B1"',
      '',
      '--B1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; smtp.example.cn',
      '',
      'Final-Recipient: rfc822; li@gmail.com',
      'Action: failed',
      'Status: 5.7.26',
      'Remote-MTA: dns; gmail-smtp-in.l.google.com',
      'Diagnostic-Code: smtp; 550-5.7.26 This mail is unauthenticated - gsmtp',
      '',
      '--B1--',
      '',
    ].join('\r\n');
    const a = await analyse(bounce, {});
    expect(verdictFacts(a, 'Gmail rejected the message as unauthenticated.')).toEqual({
      from: 'smtp.example.cn',
      recipient: 'li@gmail.com',
      status: '5.7.26',
      remote: 'gmail-smtp-in.l.google.com',
      title: 'Gmail rejected the message as unauthenticated',
      temporary: false,
    });
  });
});
