import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, rsaKeyBits } from '~/core/records/base64';
import { ED25519_RAW, RSA_1024_SPKI, RSA_2048_OTHER, RSA_2048_PKCS1, RSA_2048_SPKI, RSA_4096_SPKI, RSA_512_SPKI } from '../../support/keys';

describe('DKIM key size from the key itself', () => {
  it.each([
    { key: RSA_2048_SPKI, bits: 2048, note: 'a 2048-bit SubjectPublicKeyInfo' },
    { key: RSA_2048_OTHER, bits: 2048, note: 'another 2048-bit key' },
    { key: RSA_2048_PKCS1, bits: 2048, note: 'a bare PKCS#1 RSAPublicKey' },
    { key: RSA_1024_SPKI, bits: 1024, note: 'a 1024-bit key' },
    { key: RSA_512_SPKI, bits: 512, note: 'a 512-bit key' },
    { key: RSA_4096_SPKI, bits: 4096, note: 'a 4096-bit key' },
  ])('reads $bits bits from $note', ({ key, bits }) => {
    expect(rsaKeyBits(key)).toEqual({ ok: true, bits });
  });

  it('rejects a key cut short in copying', () => {
    expect(rsaKeyBits(RSA_2048_SPKI.slice(0, 200))).toMatchObject({ ok: false });
  });

  it('rejects characters outside base64', () => {
    expect(rsaKeyBits('MIIB*IjAN')).toEqual({ ok: false, reason: 'base64' });
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const b64 = btoa(String.fromCharCode(...bytes));
        const r = rsaKeyBits(b64);
        if (r.ok) expect(r.bits).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 1000 },
    );
  }, 60_000);
});

describe('decodeBase64', () => {
  it.each([
    { input: 'aGk=', bytes: [104, 105], note: 'padded' },
    { input: 'aGk', bytes: [104, 105], note: 'unpadded' },
    { input: 'aG\nk=', bytes: [104, 105], note: 'with a line break inside' },
    { input: '', bytes: [], note: 'empty' },
  ])('decodes $note input', ({ input, bytes }) => {
    expect([...(decodeBase64(input) ?? [0xdead])]).toEqual(bytes);
  });

  it('decodes the raw Ed25519 key to 32 bytes', () => {
    expect(decodeBase64(ED25519_RAW)).toHaveLength(32);
  });

  it.each([
    { input: 'a', note: 'a single character (no whole byte)' },
    { input: 'aGk*', note: 'a character outside the alphabet' },
    { input: 'aGk-', note: 'the URL-safe alphabet' },
  ])('refuses $note', ({ input }) => {
    expect(decodeBase64(input)).toBeUndefined();
  });
});
