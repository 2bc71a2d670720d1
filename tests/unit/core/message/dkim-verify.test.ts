import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verifyDkim, type DkimResult } from '~/core/message/dkim-verify';
import { splitMessage } from '~/core/message/header';
import { normaliseInput } from '~/core/message/input';
import { fakeDns, type FakeZone } from '../../support/fake-dns';
import { subtleWithoutEd25519 } from '../../support/webcrypto';
import { keyRecord, signMessage, type SignOptions } from '../../support/dkim-signer';

const MESSAGES = fileURLToPath(new URL('../../../fixtures/message/', import.meta.url));
const NOW = Date.UTC(2026, 10, 1);

const RFC8463_ZONE: FakeZone = {
  'brisbane._domainkey.football.example.com': { TXT: ['v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo='] },
  'test._domainkey.football.example.com': {
    TXT: [
      [
        'v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutACDfzwQ/BC/e/8uBsCR+yz1Lxj+',
        'PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+2kryOTIKT+l/K4w3QIDAQAB',
      ],
    ],
  },
};
const RFC6376_ZONE: FakeZone = {
  'brisbane._domainkey.example.com': {
    TXT: [
      'v=DKIM1; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7/zYtIxN2SnFCjxOCKG9v3b4jYfcTNh5ijSsq631uBItLa7od+v/RtdC2UzJ1lWT947qR+Rcac2gbto/NMqJ0fzfVjH4OuKhitdY9tf6mcwGjaNBcWToIMmPSPDdQPNUYckcQ2QIDAQAB',
    ],
  },
};

async function verify(input: string | Uint8Array, zone: FakeZone, now = NOW, headersOnly = false): Promise<DkimResult[]> {
  const n = normaliseInput(input);
  const split = splitMessage(n.raw);
  return verifyDkim(split.fields, headersOnly ? undefined : split.body, { query: fakeDns(zone).query, now });
}

const pick = (r: DkimResult) => ({ result: r.result, reason: r.reason, domain: r.domain, selector: r.selector });

describe('published examples', () => {
  it('verifies both signatures of the RFC 8463 Appendix A.3 message (ed25519-sha256 and rsa-sha256)', async () => {
    const results = await verify(readFileSync(`${MESSAGES}rfc8463-a3.eml`), RFC8463_ZONE);
    expect(results.map(pick)).toEqual([
      { result: 'pass', reason: 'verified', domain: 'football.example.com', selector: 'brisbane' },
      { result: 'pass', reason: 'verified', domain: 'football.example.com', selector: 'test' },
    ]);
    expect(results[0]).toMatchObject({ algorithm: 'ed25519-sha256', keyType: 'ed25519', keyBits: 256, bodyHashMatched: true, headersVerified: true });
    expect(results[1]).toMatchObject({ algorithm: 'rsa-sha256', keyType: 'rsa', keyBits: 1024 });
  });

  it('verifies the RFC 6376 Appendix A.2 message with errata 3192 and 4926 applied (simple/simple)', async () => {
    const results = await verify(readFileSync(`${MESSAGES}rfc6376-a2-errata.eml`), RFC6376_ZONE);
    expect(results.map(pick)).toEqual([{ result: 'pass', reason: 'verified', domain: 'example.com', selector: 'brisbane' }]);
  });

  it('does not verify the RFC 6376 example as printed: its body differs from what was signed', async () => {
    const results = await verify(readFileSync(`${MESSAGES}rfc6376-a2-as-printed.eml`), RFC6376_ZONE);
    expect(results.map(pick)).toEqual([{ result: 'fail', reason: 'body-hash-mismatch', domain: 'example.com', selector: 'brisbane' }]);
  });

  it('verifies the RFC 8463 message pasted with LF line endings and indented by four spaces', async () => {
    const text = readFileSync(`${MESSAGES}rfc8463-a3.eml`, 'latin1')
      .split('\r\n')
      .map((l) => (l === '' ? '' : `    ${l}`))
      .join('\n');
    const results = await verify(text, RFC8463_ZONE);
    expect(results.map((r) => r.result)).toEqual(['pass', 'pass']);
  });
});

const MESSAGE = [
  'From: =?UTF-8?B?5byg5LiJ?= <zhang@example.cn>',
  'To: li@example.net',
  'Subject: Quarterly report',
  'Date: Tue, 03 Nov 2026 09:15:00 +0800',
  'Message-ID: <r1@example.cn>',
  '',
  'Hello,  see   the numbers below.  ',
  '',
  'Regards',
  '',
  '',
].join('\r\n');

const ZONE: FakeZone = {
  'rsa._domainkey.example.cn': { TXT: [keyRecord('rsa2048')] },
  'ed._domainkey.example.cn': { TXT: [keyRecord('ed25519')] },
  'short._domainkey.example.cn': { TXT: [keyRecord('rsa512')] },
  'revoked._domainkey.example.cn': { TXT: ['v=DKIM1; k=rsa; p='] },
  'garbage._domainkey.example.cn': { TXT: ['v=spf1 include:spf.example.net -all'] },
  'notbase64._domainkey.example.cn': { TXT: ['v=DKIM1; k=rsa; p=!!!notakey!!!'] },
  'edmismatch._domainkey.example.cn': { TXT: [keyRecord('ed25519')] },
  'sha1only._domainkey.example.cn': { TXT: [`${keyRecord('rsa2048')}; h=sha1`] },
  'broken._domainkey.example.cn': { rcode: 'SERVFAIL' },
  'timeout._domainkey.example.cn': { reject: 'timeout' },
  'testing._domainkey.example.cn': { TXT: [`${keyRecord('rsa2048')}; t=y`] },
};

function withKey(selector: string, key: SignOptions['key']): SignOptions {
  return { key, domain: 'example.cn', selector };
}

describe('messages signed in the test with OpenSSL-made keys', () => {
  type Row = { name: string; sign: SignOptions; edit?: (m: string) => string; expect: Pick<DkimResult, 'result' | 'reason'> };
  const rows: Row[] = [
    { name: 'an RSA 2048 relaxed/relaxed signature passes', sign: withKey('rsa', 'rsa2048'), expect: { result: 'pass', reason: 'verified' } },
    { name: 'an Ed25519 relaxed/relaxed signature passes', sign: withKey('ed', 'ed25519'), expect: { result: 'pass', reason: 'verified' } },
    { name: 'a simple/simple signature passes', sign: { ...withKey('rsa', 'rsa2048'), canon: 'simple/simple' }, expect: { result: 'pass', reason: 'verified' } },
    { name: 'a relaxed/simple signature passes', sign: { ...withKey('ed', 'ed25519'), canon: 'relaxed/simple' }, expect: { result: 'pass', reason: 'verified' } },
    {
      name: 'a changed body is a body-hash mismatch',
      sign: withKey('rsa', 'rsa2048'),
      edit: (m) => m.replace('Regards', 'Regards, and pay to account 123'),
      expect: { result: 'fail', reason: 'body-hash-mismatch' },
    },
    {
      name: 'a changed signed header is a signature mismatch',
      sign: withKey('ed', 'ed25519'),
      edit: (m) => m.replace('Subject: Quarterly report', 'Subject: Urgent invoice'),
      expect: { result: 'fail', reason: 'signature-mismatch' },
    },
    {
      name: 'whitespace changed inside a line passes relaxed body canonicalisation',
      sign: withKey('rsa', 'rsa2048'),
      edit: (m) => m.replace('see   the', 'see the'),
      expect: { result: 'pass', reason: 'verified' },
    },
    {
      name: 'whitespace changed inside a line fails simple body canonicalisation',
      sign: { ...withKey('rsa', 'rsa2048'), canon: 'simple/simple' },
      edit: (m) => m.replace('see   the', 'see the'),
      expect: { result: 'fail', reason: 'body-hash-mismatch' },
    },
    {
      name: 'a refolded signed header passes relaxed header canonicalisation',
      sign: withKey('rsa', 'rsa2048'),
      edit: (m) => m.replace('Subject: Quarterly report', 'Subject: Quarterly\r\n report'),
      expect: { result: 'pass', reason: 'verified' },
    },
    {
      name: 'a refolded signed header fails simple header canonicalisation',
      sign: { ...withKey('rsa', 'rsa2048'), canon: 'simple/simple' },
      edit: (m) => m.replace('Subject: Quarterly report', 'Subject: Quarterly\r\n report'),
      expect: { result: 'fail', reason: 'signature-mismatch' },
    },
    {
      name: 'text added after l= bytes still passes (and is noted)',
      sign: { ...withKey('rsa', 'rsa2048'), bodyLength: 'all' },
      edit: (m) => `${m}Appended by a mailing list\r\n`,
      expect: { result: 'pass', reason: 'verified' },
    },
    {
      name: 'a body shorter than l= fails as truncated',
      sign: { ...withKey('rsa', 'rsa2048'), bodyLength: 'all' },
      edit: (m) => m.replace('Regards\r\n', ''),
      expect: { result: 'fail', reason: 'body-truncated' },
    },
    { name: 'an RSA key under 1024 bits fails', sign: withKey('short', 'rsa512'), expect: { result: 'fail', reason: 'key-too-short' } },
    { name: 'rsa-sha1 that verifies is reported as policy (RFC 8301)', sign: { ...withKey('rsa', 'rsa2048'), algorithm: 'rsa-sha1' }, expect: { result: 'policy', reason: 'sha1-obsolete' } },
    { name: 'a revoked key (empty p=) is a permerror', sign: withKey('revoked', 'rsa2048'), expect: { result: 'permerror', reason: 'key-revoked' } },
    { name: 'a key record that is no key is a permerror', sign: withKey('garbage', 'rsa2048'), expect: { result: 'permerror', reason: 'key-syntax' } },
    { name: 'a key that is not base64 is a permerror', sign: withKey('notbase64', 'rsa2048'), expect: { result: 'permerror', reason: 'key-syntax' } },
    { name: 'an ed25519 key for an rsa-sha256 signature is a type mismatch', sign: withKey('edmismatch', 'rsa2048'), expect: { result: 'permerror', reason: 'key-type-mismatch' } },
    { name: 'a key limited to sha1 refuses a sha256 signature', sign: withKey('sha1only', 'rsa2048'), expect: { result: 'permerror', reason: 'key-hash-not-allowed' } },
    { name: 'a missing key is key-not-found', sign: withKey('nosuch', 'rsa2048'), expect: { result: 'permerror', reason: 'key-not-found' } },
    { name: 'SERVFAIL on the key name is a temperror', sign: withKey('broken', 'rsa2048'), expect: { result: 'temperror', reason: 'dns-error' } },
    { name: 'a resolver timeout is a temperror', sign: withKey('timeout', 'rsa2048'), expect: { result: 'temperror', reason: 'dns-error' } },
    {
      name: 'a signature without From in h= is a permerror before any cryptography',
      sign: { ...withKey('rsa', 'rsa2048'), headers: ['to', 'subject'] },
      expect: { result: 'permerror', reason: 'from-not-signed' },
    },
    {
      name: 'an expired signature (x= in the past) is a permerror',
      sign: { ...withKey('rsa', 'rsa2048'), timestamp: 1_700_000_000, expiration: 1_700_086_400 },
      expect: { result: 'permerror', reason: 'expired' },
    },
    {
      name: 'an i= outside d= is an identity mismatch',
      sign: { ...withKey('rsa', 'rsa2048'), identity: 'zhang@example.org' },
      expect: { result: 'permerror', reason: 'identity-mismatch' },
    },
  ];

  it.each(rows)('$name', async ({ sign, edit, expect: want }) => {
    const signed = await signMessage(MESSAGE, sign);
    const [result] = await verify(edit ? edit(signed) : signed, ZONE);
    expect({ result: result!.result, reason: result!.reason }).toEqual(want);
  });

  it('says what failed: the body hash matched but the header signature did not', async () => {
    const signed = await signMessage(MESSAGE, withKey('ed', 'ed25519'));
    const [r] = await verify(signed.replace('To: li@example.net', 'To: attacker@example.org'), ZONE);
    expect(r).toMatchObject({ bodyHashMatched: true, headersVerified: false });
  });

  it('notes a partial body, a testing key and that the key is checked now', async () => {
    const signed = await signMessage(MESSAGE, { ...withKey('testing', 'rsa2048'), bodyLength: 'all' });
    const [r] = await verify(`${signed}more\r\n`, ZONE);
    expect(r!.notes).toEqual(['checked-now', 'testing', 'partial-body']);
  });

  it('notes when an expired signature would otherwise verify', async () => {
    const signed = await signMessage(MESSAGE, { ...withKey('rsa', 'rsa2048'), timestamp: 1_700_000_000, expiration: 1_700_086_400 });
    const [r] = await verify(signed, ZONE);
    expect(r!.notes).toContain('valid-but-expired');
  });

  it('with headers only, checks the key and the header signature and says the body is needed', async () => {
    const signed = await signMessage(MESSAGE, withKey('rsa', 'rsa2048'));
    const [r] = await verify(signed, ZONE, NOW, true);
    expect(r).toMatchObject({ result: 'neutral', reason: 'no-body', headersVerified: true });
    expect(r!.bodyHashMatched).toBeUndefined();
  });

  it('with headers only, still reports a missing key', async () => {
    const signed = await signMessage(MESSAGE, withKey('nosuch', 'rsa2048'));
    const [r] = await verify(signed, ZONE, NOW, true);
    expect(pick(r!)).toEqual({ result: 'permerror', reason: 'key-not-found', domain: 'example.cn', selector: 'nosuch' });
  });

  it('verifies two signatures on one message independently', async () => {
    const once = await signMessage(MESSAGE, withKey('rsa', 'rsa2048'));
    const twice = await signMessage(once, { ...withKey('ed', 'ed25519'), headers: ['from', 'subject', 'dkim-signature'] });
    const results = await verify(twice, ZONE);
    expect(results.map((r) => [r.selector, r.result])).toEqual([
      ['ed', 'pass'],
      ['rsa', 'pass'],
    ]);
  });
});

describe('a browser whose WebCrypto lacks Ed25519', () => {
  async function verifyWith(message: string, subtle: SubtleCrypto): Promise<DkimResult[]> {
    const split = splitMessage(normaliseInput(message).raw);
    return verifyDkim(split.fields, split.body, { query: fakeDns(ZONE).query, now: NOW, subtle });
  }

  it('says the browser cannot verify Ed25519 (a temperror), not that the key is unusable, and still checks the body hash', async () => {
    const signed = await signMessage(MESSAGE, withKey('ed', 'ed25519'));
    const [r] = await verifyWith(signed, subtleWithoutEd25519().subtle);
    expect(r).toMatchObject({ result: 'temperror', reason: 'ed25519-unsupported', keyType: 'ed25519', bodyHashMatched: true });
    expect(r!.headersVerified).toBeUndefined();
    expect(r!.detail).toBeUndefined();
  });

  it('asks WebCrypto once whether it has Ed25519, however many signatures use it, and still verifies RSA', async () => {
    const once = await signMessage(MESSAGE, withKey('ed', 'ed25519'));
    const twice = await signMessage(once, { ...withKey('ed', 'ed25519'), headers: ['from', 'subject', 'dkim-signature'] });
    const thrice = await signMessage(twice, { ...withKey('rsa', 'rsa2048'), headers: ['from', 'subject'] });
    const fake = subtleWithoutEd25519();
    const results = await verifyWith(thrice, fake.subtle);
    expect(results.map((r) => [r.selector, r.result, r.reason])).toEqual([
      ['rsa', 'pass', 'verified'],
      ['ed', 'temperror', 'ed25519-unsupported'],
      ['ed', 'temperror', 'ed25519-unsupported'],
    ]);
    expect(fake.ed25519Imports()).toBe(1);
    // A later message on the same WebCrypto asks nothing more.
    await verifyWith(once, fake.subtle);
    expect(fake.ed25519Imports()).toBe(1);
  });
});

describe('signatures that are garbage', () => {
  const head = 'From: a@example.cn\r\nSubject: x\r\n\r\nbody\r\n';
  type Row = { name: string; field: string; reason: DkimResult['reason'] };
  const rows: Row[] = [
    { name: 'no tags at all', field: 'nonsense', reason: 'malformed-signature' },
    { name: 'a duplicate tag', field: 'v=1; a=rsa-sha256; a=rsa-sha256; d=example.cn; s=x; h=from; bh=AAAA; b=AAAA', reason: 'malformed-signature' },
    { name: 'a missing b=', field: 'v=1; a=rsa-sha256; d=example.cn; s=x; h=from; bh=AAAA', reason: 'missing-tag' },
    { name: 'version 2', field: 'v=2; a=rsa-sha256; d=example.cn; s=x; h=from; bh=AAAA; b=AAAA', reason: 'bad-version' },
    { name: 'an unknown algorithm', field: 'v=1; a=rsa-md5; d=example.cn; s=x; h=from; bh=AAAA; b=AAAA', reason: 'unknown-algorithm' },
    { name: 'an unknown canonicalisation', field: 'v=1; a=rsa-sha256; c=loose; d=example.cn; s=x; h=from; bh=AAAA; b=AAAA', reason: 'unknown-canonicalization' },
    { name: 'a query method other than dns/txt', field: 'v=1; a=rsa-sha256; q=http; d=example.cn; s=x; h=from; bh=AAAA; b=AAAA', reason: 'unknown-query-method' },
    { name: 'b= that is not base64', field: 'v=1; a=rsa-sha256; d=example.cn; s=x; h=from; bh=AAAA; b=$$$', reason: 'malformed-signature' },
    { name: 'a domain with spaces inside a label', field: 'v=1; a=rsa-sha256; d=exa mple..cn; s=x; h=from; bh=AAAA; b=AAAA', reason: 'malformed-signature' },
    { name: 'a non-numeric l=', field: 'v=1; a=rsa-sha256; d=example.cn; s=x; h=from; l=ten; bh=AAAA; b=AAAA', reason: 'malformed-signature' },
    { name: 'x= before t=', field: 'v=1; a=rsa-sha256; d=example.cn; s=x; h=from; t=200; x=100; bh=AAAA; b=AAAA', reason: 'malformed-signature' },
    {
      name: 'h= with 101 header names',
      field: `v=1; a=rsa-sha256; d=example.cn; s=x; h=from${':to'.repeat(100)}; bh=AAAA; b=AAAA`,
      reason: 'too-many-signed-headers',
    },
    { name: 'a b= of 10 000 characters', field: `v=1; a=rsa-sha256; d=example.cn; s=x; h=from; bh=AAAA; b=${'A'.repeat(10_000)}`, reason: 'signature-too-long' },
  ];
  it.each(rows)('$name is a permerror ($reason)', async ({ field, reason }) => {
    const [r] = await verify(`DKIM-Signature: ${field}\r\n${head}`, ZONE);
    expect({ result: r!.result, reason: r!.reason }).toEqual({ result: 'permerror', reason });
  });

  it('asks no DNS question for a signature that is broken before the key', async () => {
    const dns = fakeDns(ZONE);
    const split = splitMessage(`DKIM-Signature: v=1; a=rsa-sha256; d=example.cn; s=x; h=to; bh=AAAA; b=AAAA\r\n${head}`);
    await verifyDkim(split.fields, split.body, { query: dns.query, now: NOW });
    expect(dns.asked).toEqual([]);
  });

  it('checks at most eight signatures and reports the rest as not checked', async () => {
    const sig = 'DKIM-Signature: v=1; a=rsa-sha256; d=example.cn; s=nosuch; h=from; bh=AAAA; b=AAAA\r\n';
    const results = await verify(sig.repeat(10) + head, ZONE);
    expect(results.map((r) => r.reason)).toEqual([...Array<string>(8).fill('key-not-found'), 'not-checked', 'not-checked']);
  });
});
