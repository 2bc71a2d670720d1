import fc from 'fast-check';
import { evaluateSpf as evaluateSpfReal } from '~/core/spf/evaluate';
import { describe, expect, it } from 'vitest';
import { analyseMessage, type AnalyseOptions, type EvaluateSpfFn, type MessageAnalysis } from '~/core/message/analyse';
import type { DmarcSteps } from '~/core/message/dmarc';
import { LIMITS } from '~/core/message/types';
import { MESSAGE_DMARC_STEPS } from '~/core/dmarc/message';
import { newRun } from '~/core/doh/run';
import { fakeDns, type FakeZone } from '../../support/fake-dns';
import { subtleWithoutEd25519 } from '../../support/webcrypto';
import { keyRecord, signMessage } from '../../support/dkim-signer';

const NOW = Date.UTC(2026, 10, 3, 2, 0, 0);

const ZONE: FakeZone = {
  'rsa._domainkey.example.cn': { TXT: [keyRecord('rsa2048')] },
  'ed._domainkey.example.cn': { TXT: [keyRecord('ed25519')] },
  'example.cn': { TXT: ['v=spf1 ip4:203.0.113.0/24 -all'] },
  '_dmarc.example.cn': { TXT: ['v=DMARC1; p=reject'] },
};

/** The real SPF evaluator, and a stand-in for the RFC 9989 tree walk; both ask DNS so parallelism shows. */
const evaluateSpf: EvaluateSpfFn = (args) => evaluateSpfReal(args);
const dmarc: DmarcSteps = {
  discover: async (fromDomain, { query }) => {
    const r = await query(`_dmarc.${fromDomain}`, 'TXT');
    if (r.answers.length === 0) return { status: 'none' };
    return { status: 'found', policy: { policyDomain: fromDomain, orgDomain: fromDomain, p: 'reject', adkim: 'r', aspf: 'r' } };
  },
  orgDomain: async (d) => d.split('.').slice(-2).join('.'),
};

const MESSAGE = [
  'Return-Path: <zhang@example.cn>',
  'Received: from smtp.example.cn (smtp.example.cn [203.0.113.5])',
  '\tby mx.example.net (Postfix) with ESMTPS id 4XkQ2b;',
  '\tTue,  3 Nov 2026 09:15:04 +0800 (CST)',
  'Authentication-Results: mx.example.net; spf=pass smtp.mailfrom=zhang@example.cn; dkim=pass header.d=example.cn; dmarc=pass header.from=example.cn',
  'Received: from [192.168.1.20] (unknown [192.168.1.20])',
  '\tby smtp.example.cn (Postfix) with ESMTPSA id 1A2B;',
  '\tTue,  3 Nov 2026 09:15:00 +0800 (CST)',
  'From: =?big5?B?pP2kcKn6?= <zhang@example.cn>',
  'To: li@example.net',
  'Subject: =?GBK?B?vL62yLGouOajurLiytTTyrz+?=',
  'Date: Tue, 03 Nov 2026 09:14:59 +0800',
  'Message-ID: <r1@example.cn>',
  '',
  'Hello',
  '',
].join('\r\n');

async function run(input: string | Uint8Array, opts: Partial<AnalyseOptions> = {}) {
  const updates: MessageAnalysis[] = [];
  const final = await analyseMessage(input, { query: fakeDns(ZONE).query, now: NOW, evaluateSpf, dmarc, onUpdate: (a) => updates.push(a), yieldNow: async () => {}, ...opts });
  return { final, updates };
}

describe('analyseMessage', () => {
  it('reads everything and verifies a signed message: DKIM, SPF for the receiver’s IP, aligned DMARC', async () => {
    const signed = await signMessage(MESSAGE, { key: 'rsa2048', domain: 'example.cn', selector: 'rsa' });
    const { final, updates } = await run(signed);
    expect(final.verdict).toBe('dmarc-pass');
    expect(final.headers).toMatchObject({ subject: '季度报告：测试邮件', fromText: '王小明 <zhang@example.cn>', returnPath: 'zhang@example.cn', to: 'li@example.net' });
    expect(final.hops.hops.map((h) => h.delaySeconds)).toEqual([undefined, 4]);
    expect(final.spf).toMatchObject({ status: 'done', ip: '203.0.113.5', ipSource: 'received', sender: 'zhang@example.cn', helo: 'smtp.example.cn', evaluation: { result: 'pass', domain: 'example.cn' } });
    expect(final.dkim.results.map((r) => [r?.domain, r?.selector, r?.result])).toEqual([['example.cn', 'rsa', 'pass']]);
    expect(final.dmarc).toMatchObject({ status: 'done', fromDomain: 'example.cn', evaluation: { result: 'pass', spfAligned: true, dkimAligned: ['example.cn'] } });
    expect(final.receiver.results.map((r) => `${r.method}=${r.result}`)).toEqual(['spf=pass', 'dkim=pass', 'dmarc=pass']);
    expect(final.inputErrors).toEqual([]);
    // Progress: the first snapshot has the parsed sections and pending checks; the last is final.
    expect(updates[0]).toMatchObject({ done: false, verdict: 'pending', dkim: { status: 'pending', count: 1, results: [undefined] }, spf: { status: 'pending' }, dmarc: { status: 'pending' } });
    expect(updates[0]!.headers.subject).toBe('季度报告：测试邮件');
    expect(updates.at(-1)).toEqual(final);
    expect(updates.length).toBeGreaterThanOrEqual(4);
  });

  it('asks the key, SPF and DMARC questions together, before any answer', async () => {
    const dns = fakeDns(ZONE, { hold: true });
    const signed = await signMessage(MESSAGE, { key: 'ed25519', domain: 'example.cn', selector: 'ed' });
    const done = analyseMessage(signed, { query: dns.query, now: NOW, evaluateSpf, dmarc, yieldNow: async () => {} });
    const final = await dns.drain(done);
    // Answers are released in rounds: all three questions went out in the same round.
    const rounds = new Set(dns.asked.map((q) => q.at));
    expect(rounds.size).toBe(1);
    expect(dns.asked.map((q) => q.name).sort()).toEqual(['_dmarc.example.cn', 'ed._domainkey.example.cn', 'example.cn']);
    expect(final.verdict).toBe('dmarc-pass');
  });

  it.each([
    { name: 'a Return-Path on a subdomain (relaxed SPF alignment)', sender: 'bounce@bounce.example.cn', signer: 'example.cn', extra: '_dmarc.bounce.example.cn' },
    { name: 'a signature by a subdomain (relaxed DKIM alignment)', sender: 'zhang@example.cn', signer: 'mail.example.cn', extra: '_dmarc.mail.example.cn' },
  ])('asks every question in the first round trip with $name: the walk of its organisational domain starts with the others', async ({ sender, signer, extra }) => {
    const zone: FakeZone = {
      ...ZONE,
      'bounce.example.cn': { TXT: ['v=spf1 ip4:203.0.113.0/24 -all'] },
      'rsa._domainkey.mail.example.cn': { TXT: [keyRecord('rsa2048')] },
    };
    const dns = fakeDns(zone, { hold: true });
    // One run: each question once, whoever asks it (as on the page).
    const query = newRun(dns.query);
    const signed = await signMessage(MESSAGE.replace('Return-Path: <zhang@example.cn>', `Return-Path: <${sender}>`), { key: 'rsa2048', domain: signer, selector: 'rsa' });
    const final = await dns.drain(analyseMessage(signed, { query, now: NOW, evaluateSpf, dmarc: MESSAGE_DMARC_STEPS, yieldNow: async () => {} }));
    expect(final.dmarc.evaluation).toMatchObject({ result: 'pass', spfAligned: true, dkimAligned: [signer] });
    expect(dns.asked.map((q) => q.name)).toContain(extra);
    // Every question went out before the first answer: one round trip.
    expect(new Set(dns.asked.map((q) => q.at)).size).toBe(1);
  });

  it('reports a changed body as DKIM failing and DMARC still passing on SPF', async () => {
    const signed = await signMessage(MESSAGE, { key: 'rsa2048', domain: 'example.cn', selector: 'rsa' });
    const { final } = await run(signed.replace('Hello', 'Hello, pay to 123'));
    expect(final.dkim.results[0]).toMatchObject({ result: 'fail', reason: 'body-hash-mismatch' });
    expect(final.dmarc.evaluation).toMatchObject({ result: 'pass', spfAligned: true, dkimAligned: [] });
  });

  it('fails DMARC when SPF fails for the connecting IP and DKIM is absent, naming what to fix', async () => {
    const { final } = await run(MESSAGE.replace(/203\.0\.113\.5/g, '198.51.100.7'));
    expect(final.verdict).toBe('dmarc-fail');
    expect(final.dmarc.evaluation).toMatchObject({ result: 'fail', applied: 'reject', advice: ['spf-not-passing', 'dkim-missing'] });
  });

  it('uses an IP the user entered instead of the one in the header', async () => {
    const { final } = await run(MESSAGE, { ip: ' 198.51.100.7 ' });
    expect(final.spf).toMatchObject({ ip: '198.51.100.7', ipSource: 'user', evaluation: { result: 'fail' } });
  });

  it('with headers only, checks the DKIM key and header signature and says the body is missing', async () => {
    const signed = await signMessage(MESSAGE, { key: 'rsa2048', domain: 'example.cn', selector: 'rsa' });
    const { final } = await run(signed.slice(0, signed.indexOf('\r\n\r\n') + 2));
    expect(final.hasBody).toBe(false);
    expect(final.dkim.results[0]).toMatchObject({ result: 'neutral', reason: 'no-body', headersVerified: true });
  });

  it('does not run SPF and DMARC without their evaluators, and says why', async () => {
    const { final } = await analyseMessage(MESSAGE, { query: fakeDns(ZONE).query, now: NOW, yieldNow: async () => {} }).then((final) => ({ final }));
    expect(final.spf).toMatchObject({ status: 'not-run', reason: 'no-evaluator', ip: '203.0.113.5' });
    expect(final.dmarc).toMatchObject({ status: 'not-run', reason: 'no-evaluator', fromDomain: 'example.cn' });
    expect(final.verdict).toBe('unauthenticated');
  });

  it('does not run SPF without a connecting IP', async () => {
    const { final } = await run('From: a@example.cn\r\nSubject: x\r\n\r\nbody');
    expect(final.spf).toMatchObject({ status: 'not-run', reason: 'no-ip' });
  });

  it('refuses DMARC for a From with two domains', async () => {
    const { final } = await run('From: a@example.cn, b@example.net\r\n\r\nx');
    expect(final.dmarc).toEqual({ status: 'not-run', reason: 'multiple-from' });
  });

  it('reads a bounce and checks the returned message’s DKIM against today’s keys', async () => {
    const original = await signMessage(MESSAGE, { key: 'rsa2048', domain: 'example.cn', selector: 'rsa' });
    const headersOnly = original.slice(0, original.indexOf('\r\n\r\n'));
    const bounce = [
      'From: MAILER-DAEMON@smtp.example.cn',
      'Subject: Undelivered Mail Returned to Sender',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
      '',
      '--B',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; smtp.example.cn',
      '',
      'Final-Recipient: rfc822; li@gmail.com',
      'Action: failed',
      'Status: 5.7.26',
      'Remote-MTA: dns; gmail-smtp-in.l.google.com',
      "Diagnostic-Code: smtp; 550-5.7.26 Unauthenticated email from example.cn is not accepted due to domain's DMARC policy. - gsmtp",
      '',
      '--B',
      'Content-Type: text/rfc822-headers',
      '',
      headersOnly,
      '',
      '--B--',
      '',
    ].join('\r\n');
    const { final } = await run(bounce);
    expect(final.verdict).toBe('bounce');
    expect(final.bounce?.recipients[0]).toMatchObject({ status: '5.7.26', explanation: { id: 'gmail-dmarc-policy' } });
    expect(final.bounce?.returned?.subject).toBe('季度报告：测试邮件');
    expect(final.returnedDkim).toMatchObject({ status: 'done', count: 1, results: [{ result: 'neutral', reason: 'no-body', headersVerified: true }] });
  });

  it('says this browser cannot decide, not that the DNS failed, when only an Ed25519 signature could align and it lacks Ed25519', async () => {
    const signed = await signMessage(MESSAGE.replace(/203\.0\.113\.5/g, '198.51.100.7'), { key: 'ed25519', domain: 'example.cn', selector: 'ed' });
    const { final } = await run(signed, { subtle: subtleWithoutEd25519().subtle });
    expect(final.dkim.results[0]).toMatchObject({ result: 'temperror', reason: 'ed25519-unsupported' });
    expect(final.dmarc.evaluation).toMatchObject({ result: 'temperror', undecided: 'browser' });
    expect(final.verdict).toBe('browser-cannot-verify');
  });

  it('says SPF or DKIM passed when DMARC could not run, whatever the browser cannot verify', async () => {
    const signed = await signMessage(MESSAGE.replace('From: =?big5?B?pP2kcKn6?= <zhang@example.cn>', 'From: zhang@example.cn, li@example.net'), {
      key: 'ed25519',
      domain: 'example.cn',
      selector: 'ed',
    });
    const { final } = await run(signed, { subtle: subtleWithoutEd25519().subtle });
    expect(final.dmarc).toMatchObject({ status: 'not-run', reason: 'multiple-from' });
    expect(final.verdict).toBe('authenticated');
  });

  it('says the browser cannot verify when nothing passed and the only unknown is an Ed25519 signature, without DMARC', async () => {
    const signed = await signMessage(MESSAGE.replace(/203\.0\.113\.5/g, '198.51.100.7'), { key: 'ed25519', domain: 'example.cn', selector: 'ed' });
    const final = await analyseMessage(signed, { query: fakeDns(ZONE).query, now: NOW, evaluateSpf, subtle: subtleWithoutEd25519().subtle, yieldNow: async () => {} });
    expect(final.verdict).toBe('browser-cannot-verify');
  });

  it('asks DNS about an internationalised From and Return-Path domain in A-labels, and shows it as written (RFC 6532)', async () => {
    const dns = fakeDns({ 'xn--fsqu00a.cn': { TXT: ['v=spf1 ip4:203.0.113.0/24 -all'] }, '_dmarc.xn--fsqu00a.cn': { TXT: ['v=DMARC1; p=reject'] } });
    const text = MESSAGE.replace('Return-Path: <zhang@example.cn>', 'Return-Path: <li@例子.cn>').replace('From: =?big5?B?pP2kcKn6?= <zhang@example.cn>', 'From: 李四 <li@例子.cn>');
    const { final } = await run(text, { query: dns.query });
    expect(dns.asked.map((q) => `${q.type} ${q.name}`)).toEqual(expect.arrayContaining(['TXT _dmarc.xn--fsqu00a.cn', 'TXT xn--fsqu00a.cn']));
    expect(final.headers).toMatchObject({ fromText: '李四 <li@例子.cn>', returnPath: 'li@例子.cn', from: [{ name: '李四', address: 'li@例子.cn', domain: 'xn--fsqu00a.cn' }] });
    expect(final.spf).toMatchObject({ sender: 'li@例子.cn', evaluation: { result: 'pass', domain: 'xn--fsqu00a.cn' } });
    expect(final.dmarc).toMatchObject({ fromDomain: 'xn--fsqu00a.cn', evaluation: { result: 'pass', spfAligned: true } });
  });

  it('reads a plain-text bounce pasted without headers', async () => {
    const { final } = await run('Delivery has failed to these recipients:\n\nli@example.net\nRemote Server returned \'550 5.1.1 User unknown\'\n');
    expect(final.verdict).toBe('bounce');
    expect(final.headerCount).toBe(0);
    expect(final.inputErrors).toEqual([{ code: 'no-headers' }]);
    expect(final.bounce?.recipients[0]).toMatchObject({ recipient: 'li@example.net', status: '5.1.1' });
  });
});

describe('bad input gets a clear error and bounded work', () => {
  type Row = { name: string; input: () => string | Uint8Array; codes: string[]; verdict?: string };
  const rows: Row[] = [
    { name: 'empty input', input: () => '   ', codes: ['empty'], verdict: 'input-error' },
    { name: 'a binary file', input: () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), codes: ['binary'], verdict: 'input-error' },
    { name: 'text that is not a message', input: () => 'hello there, how are you', codes: ['no-headers'], verdict: 'input-error' },
    { name: '10 MB of text', input: () => `From: a@example.cn\r\nSubject: big\r\n\r\n${'x'.repeat(LIMITS.maxInputBytes)}`, codes: ['too-large'] },
    { name: '600 header fields', input: () => `From: a@example.cn\r\n${'X-Junk: 1\r\n'.repeat(600)}\r\nbody`, codes: ['too-many-headers'] },
    { name: 'broken encoded words', input: () => 'From: =?UTF-8?B?@@@?= <a@example.cn>\r\nSubject: =?x-unknown-cs?Q?abc?=\r\n\r\nx', codes: ['bad-encoded-word', 'bad-encoded-word'] },
  ];
  it.each(rows)('$name', async ({ input, codes, verdict }) => {
    const { final } = await run(input());
    expect(final.inputErrors.map((e) => e.code)).toEqual(codes);
    if (verdict) expect(final.verdict).toBe(verdict);
    expect(final.done).toBe(true);
  });

  it('a DKIM-Signature full of garbage is a permerror with a reason, not a crash', async () => {
    const { final } = await run(`DKIM-Signature: ${'\u00ff=;=;'.repeat(2000)}\r\n${MESSAGE}`);
    expect(final.dkim.results[0]).toMatchObject({ result: 'permerror', reason: 'malformed-signature' });
  });

  it('a signature over 101 header fields is refused before any DNS question', async () => {
    const dns = fakeDns(ZONE);
    const field = `DKIM-Signature: v=1; a=rsa-sha256; d=example.cn; s=rsa; h=from${':x'.repeat(100)}; bh=AAAA; b=AAAA\r\n`;
    const final = await analyseMessage(field + MESSAGE, { query: dns.query, now: NOW, yieldNow: async () => {} });
    expect(final.dkim.results[0]).toMatchObject({ result: 'permerror', reason: 'too-many-signed-headers' });
    expect(dns.asked.map((q) => q.name)).not.toContain('rsa._domainkey.example.cn');
  });

  it('a key record that is no key is a permerror', async () => {
    const signed = await signMessage(MESSAGE, { key: 'rsa2048', domain: 'example.cn', selector: 'nokey' });
    const { final } = await run(signed, { query: fakeDns({ ...ZONE, 'nokey._domainkey.example.cn': { TXT: ['hello world'] } }).query });
    expect(final.dkim.results[0]).toMatchObject({ result: 'permerror', reason: 'key-syntax' });
  });
});

describe('a run that is replaced stops, and hostile headers cost bounded work', () => {
  // analyseMessage yields between its synchronous steps (normalise, split, MIME, bounce, headers and hops, receiver's results).
  it.each([1, 2, 3, 4, 5, 6])('stops at the next step when the signal aborts during yield %i, before any DNS question', async (at) => {
    const controller = new AbortController();
    const dns = fakeDns(ZONE);
    const updates: MessageAnalysis[] = [];
    let yields = 0;
    const done = analyseMessage(MESSAGE, {
      query: dns.query,
      now: NOW,
      evaluateSpf,
      dmarc,
      signal: controller.signal,
      onUpdate: (a) => updates.push(a),
      yieldNow: async () => {
        yields++;
        if (yields === at) controller.abort();
      },
    });
    await expect(done).rejects.toMatchObject({ name: 'AbortError' });
    // No step ran after the one during which it was aborted.
    expect(yields).toBe(at);
    expect(dns.asked).toEqual([]);
    expect(updates).toEqual([]);
  });

  it('does not start when the signal has already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    let yields = 0;
    const done = analyseMessage(MESSAGE, { query: fakeDns(ZONE).query, now: NOW, signal: controller.signal, yieldNow: async () => void yields++ });
    await expect(done).rejects.toMatchObject({ name: 'AbortError' });
    expect(yields).toBe(0);
  });

  it.each([
    {
      name: '500 Authentication-Results fields of 16 KB',
      fields: () => Array.from({ length: 500 }, () => `Authentication-Results: x; ${'a'.repeat(16 * 1024)}`),
      // Each field is kept to 4 KB: 500 × 4 KB, plus the rest of the analysis.
      maxJson: 500 * 4096 + 100_000,
    },
    {
      name: '100 Received fields of 64 KB',
      fields: () => Array.from({ length: 100 }, () => `Received: from ${'(a.b '.repeat(13_000)}; Tue, 3 Nov 2026 09:15:04 +0800`),
      // Each hop's text is kept to 4 KB.
      maxJson: 100 * 4096 + 100_000,
    },
  ])('finishes on $name with a bounded result', async ({ fields, maxJson }) => {
    const { final } = await run(`From: a@example.cn\r\n${fields().join('\r\n')}\r\n\r\nbody`);
    expect(final.done).toBe(true);
    expect(JSON.stringify(final).length).toBeLessThanOrEqual(maxJson);
  });
});

describe('robustness', () => {
  const throwingSpf: EvaluateSpfFn = () => {
    throw new Error('boom');
  };
  const throwingDmarc: DmarcSteps = {
    discover: () => {
      throw new Error('boom');
    },
    orgDomain: async (d) => d,
  };

  it('an SPF evaluator or DMARC discovery that throws at once ends its own step, not the analysis', async () => {
    const { final } = await run(MESSAGE, { evaluateSpf: throwingSpf, dmarc: throwingDmarc });
    expect(final.spf).toMatchObject({ status: 'done', reason: 'error' });
    expect(final.dmarc.evaluation).toMatchObject({ result: 'temperror', detail: 'error' });
    expect(final.done).toBe(true);
  });

  /** Pieces real messages are made of, including broken ones, to assemble at random. */
  const FRAGMENTS = [
    'From: =?GBK?B?suLK1A==?= <a@example.cn>',
    'From: "broken <a@',
    'Subject: =?UTF-8?B?@@@?= =?big5?Q?=A4=FD?=',
    'DKIM-Signature: v=1; a=rsa-sha256; d=example.cn; s=rsa; h=from; bh=AAAA; b=AAAA',
    'DKIM-Signature: v=1; a=ed25519-sha256; d=example.cn; s=ed; h=from:from; l=5; bh=AAAA=; b=A',
    'Received: from x ([203.0.113.5]) by mx.example.net with ESMTPS; Tue, 3 Nov 2026 09:15:04 +0800',
    'Received: from (((( by ;;; with',
    'Authentication-Results: mx; spf=pass (a (b) c; dkim=',
    'Content-Type: multipart/report; boundary="B"; report-type=delivery-status',
    'Content-Type: message/rfc822',
    'Content-Transfer-Encoding: base64',
    '--B',
    '--B--',
    'Content-Type: message/delivery-status',
    'Status: 5.7.26',
    'Diagnostic-Code: smtp; 550-5.7.26 x - gsmtp',
    'Return-Path: <>',
    '   folded continuation',
    '',
    '退信原因：550 Mail content denied',
  ];
  it('never throws and always finishes on messages assembled from real and broken pieces', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 40 })), { maxLength: 40 }), async (lines) => {
        const final = await analyseMessage(lines.join('\r\n'), { query: fakeDns(ZONE).query, now: NOW, evaluateSpf, dmarc, yieldNow: async () => {} });
        expect(final.done).toBe(true);
        expect(JSON.parse(JSON.stringify(final.verdict))).toBe(final.verdict);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        const final = await analyseMessage(bytes, { query: fakeDns(ZONE).query, now: NOW, yieldNow: async () => {} });
        expect(final.done).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('gives a result a worker can post (structured-clone safe)', async () => {
    const signed = await signMessage(MESSAGE, { key: 'rsa2048', domain: 'example.cn', selector: 'rsa' });
    const { final } = await run(signed);
    expect(structuredClone(final)).toEqual(final);
  });
});
