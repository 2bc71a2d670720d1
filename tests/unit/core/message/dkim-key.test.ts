import { describe, expect, it } from 'vitest';
import { parseDkimKey } from '~/core/message/dkim-key';
import { keyRecord } from '../../support/dkim-signer';

const RFC6376_KEY =
  'MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7/zYtIxN2SnFCjxOCKG9v3b4jYfcTNh5ijSsq631uBItLa7od+v/RtdC2UzJ1lWT947qR+Rcac2gbto/NMqJ0fzfVjH4OuKhitdY9tf6mcwGjaNBcWToIMmPSPDdQPNUYckcQ2QIDAQAB';

describe('parseDkimKey', () => {
  it('reads an RSA 2048 key made with OpenSSL', () => {
    const r = parseDkimKey(keyRecord('rsa2048'));
    expect(r.ok && { type: r.key.type, bits: r.key.bits, services: r.key.services, testing: r.key.testing }).toEqual({ type: 'rsa', bits: 2048, services: ['*'], testing: false });
  });
  it('reads an Ed25519 key as its 32 raw bytes', () => {
    const r = parseDkimKey(keyRecord('ed25519'));
    expect(r.ok && { type: r.key.type, bits: r.key.bits, length: r.key.keyData.length }).toEqual({ type: 'ed25519', bits: 256, length: 32 });
  });
  it('accepts an Ed25519 key published as SubjectPublicKeyInfo, and says so', () => {
    const raw = Buffer.from(keyRecord('ed25519').split('p=')[1]!, 'base64');
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]).toString('base64');
    const r = parseDkimKey(`v=DKIM1; k=ed25519; p=${spki}`);
    expect(r.ok && r.key.ed25519Spki).toBe(true);
  });
  it('wraps a bare PKCS#1 RSA key into SubjectPublicKeyInfo', () => {
    const spki = Buffer.from(RFC6376_KEY, 'base64');
    // The PKCS#1 key is inside the BIT STRING, after the 22-byte SPKI prefix of a 1024-bit key.
    const pkcs1 = spki.subarray(22).toString('base64');
    const r = parseDkimKey(`k=rsa; p=${pkcs1}`);
    expect(r.ok && { bits: r.key.bits, sameAsSpki: Buffer.from(r.key.keyData).equals(spki) }).toEqual({ bits: 1024, sameAsSpki: true });
  });
  it('reads h=, s= and t= flags', () => {
    const r = parseDkimKey(`v=DKIM1; h=sha256; s=email; t=y:s; p=${RFC6376_KEY}`);
    expect(r.ok && { hashes: r.key.hashes, services: r.key.services, testing: r.key.testing, strict: r.key.strict }).toEqual({ hashes: ['sha256'], services: ['email'], testing: true, strict: true });
  });
  it('joins a key split by whitespace (several TXT strings joined with spaces)', () => {
    const r = parseDkimKey(`v=DKIM1; p=${RFC6376_KEY.slice(0, 50)} ${RFC6376_KEY.slice(50)}`);
    expect(r.ok).toBe(true);
  });

  type Bad = { name: string; text: string; reason: string; detail?: string };
  const bad: Bad[] = [
    { name: 'an empty p= (revoked)', text: 'v=DKIM1; k=rsa; p=', reason: 'key-revoked' },
    { name: 'an SPF record', text: 'v=spf1 include:spf.example.net -all', reason: 'key-syntax', detail: 'v' },
    { name: 'v= not first', text: `k=rsa; v=DKIM1; p=${RFC6376_KEY}`, reason: 'key-syntax', detail: 'v' },
    { name: 'no p=', text: 'v=DKIM1; k=rsa', reason: 'key-syntax', detail: 'no p=' },
    { name: 'an unknown key type', text: `v=DKIM1; k=dsa; p=${RFC6376_KEY}`, reason: 'key-syntax', detail: 'k=dsa' },
    { name: 'p= that is not base64', text: 'v=DKIM1; p=###', reason: 'key-syntax', detail: 'p is not base64' },
    { name: 'p= that is base64 but no key', text: 'v=DKIM1; p=aGVsbG8gd29ybGQ=', reason: 'key-syntax', detail: 'p is not an RSA public key' },
    { name: 'an Ed25519 key of the wrong length', text: 'v=DKIM1; k=ed25519; p=aGVsbG8=', reason: 'key-syntax', detail: 'ed25519 key of 5 bytes' },
    { name: 'plain prose', text: 'this is not a key', reason: 'key-syntax', detail: 'this is not a key' },
  ];
  it.each(bad)('refuses $name', ({ text, reason, detail }) => {
    expect(parseDkimKey(text)).toEqual({ ok: false, reason, ...(detail === undefined ? {} : { detail }) });
  });
});
