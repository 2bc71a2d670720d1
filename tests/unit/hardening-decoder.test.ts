// The DNS message decoder on hostile bytes, beyond doh-codec.test.ts: name
// compression done the way real servers do it decodes to the same message as
// without compression; damaged and adversarial pointer structures end in
// DohError('malformed') or a value, never another throw; and decoding stays fast
// even for a 64 KB message built to make every name follow a long pointer chain.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMessage, MAX_MESSAGE_BYTES, MAX_POINTER_JUMPS } from '~/core/doh/codec';
import { isDohError } from '~/core/doh/errors';

/** Decodes, or fails with DohError('malformed'); anything else fails the test. Returns the time taken. */
function decodeTimed(bytes: Uint8Array): { ok: boolean; ms: number } {
  const started = performance.now();
  try {
    decodeMessage(bytes);
    return { ok: true, ms: performance.now() - started };
  } catch (err) {
    if (!(isDohError(err) && err.code === 'malformed')) throw err;
    return { ok: false, ms: performance.now() - started };
  }
}

// ─── a small encoder that compresses names like a real server ───

type Rr = { name: string; type: 'CNAME' | 'MX'; target: string; preference: number };

const bytesOf = (s: string) => [...s].map((c) => c.charCodeAt(0));
const u16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];

/** Writes `name` at the end of `out`, pointing at an earlier copy of any suffix when `dict` is given. */
function writeName(out: number[], name: string, dict?: Map<string, number>) {
  const labels = name === '' ? [] : name.split('.');
  for (let i = 0; i < labels.length; i++) {
    const suffix = labels.slice(i).join('.');
    const at = dict?.get(suffix);
    if (at !== undefined) {
      out.push(0xc0 | (at >> 8), at & 0xff);
      return;
    }
    if (dict && out.length < 0x3fff) dict.set(suffix, out.length);
    const label = labels[i] ?? '';
    out.push(label.length, ...bytesOf(label));
  }
  out.push(0);
}

/** A response to `qname MX` with the given answers; names compressed or not. */
function encode(qname: string, answers: readonly Rr[], compress: boolean): Uint8Array {
  const dict = compress ? new Map<string, number>() : undefined;
  const out = [0, 0, 0x81, 0x80, ...u16(1), ...u16(answers.length), 0, 0, 0, 0];
  writeName(out, qname, dict);
  out.push(...u16(15), ...u16(1));
  for (const rr of answers) {
    writeName(out, rr.name, dict);
    out.push(...u16(rr.type === 'MX' ? 15 : 5), ...u16(1), 0, 0, 0x0e, 0x10);
    const lengthAt = out.length;
    out.push(0, 0);
    if (rr.type === 'MX') out.push(...u16(rr.preference));
    writeName(out, rr.target, dict);
    const rdlength = out.length - lengthAt - 2;
    out[lengthAt] = rdlength >> 8;
    out[lengthAt + 1] = rdlength & 0xff;
  }
  return Uint8Array.from(out);
}

const label = fc.constantFrom('mail', 'mx1', 'qiye', 'aliyun', 'example', 'com', 'test', '_dmarc', 'a-b', 'x0');
const name = fc.array(label, { minLength: 1, maxLength: 5 }).map((ls) => ls.join('.'));
const rr: fc.Arbitrary<Rr> = fc.record({
  name,
  type: fc.constantFrom('CNAME' as const, 'MX' as const),
  target: name,
  preference: fc.nat(0xffff),
});
const message = fc.record({ qname: name, answers: fc.array(rr, { maxLength: 12 }) });

describe('name compression', () => {
  it('a compressed response decodes to the same message as the uncompressed one', () => {
    fc.assert(
      fc.property(message, ({ qname, answers }) => {
        const plain = decodeMessage(encode(qname, answers, false));
        const packed = encode(qname, answers, true);
        expect(decodeMessage(packed)).toEqual(plain);
        expect(plain.answers.map((a) => a.name)).toEqual(answers.map((a) => a.name));
      }),
      { numRuns: 500 },
    );
  });

  it('damaged compressed responses give a value or DohError malformed, quickly', () => {
    // Overwrite bytes with pointer-looking values (0xc0–0xff then any byte), the structure most likely to confuse.
    const damage = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0xc0, max: 0xff }), fc.nat(0xff)), {
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(message, damage, ({ qname, answers }, edits) => {
        const bytes = encode(qname, answers, true);
        for (const [at, hi, lo] of edits) {
          const i = at % bytes.length;
          bytes[i] = hi;
          if (i + 1 < bytes.length) bytes[i + 1] = lo;
        }
        expect(decodeTimed(bytes).ms).toBeLessThan(250);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('pointer chains', () => {
  /**
   * A response of at most 64 KB: one record of an unknown type whose data is a
   * chain of `chain` pointers (each to the one before, the first to a root
   * label), then as many records as fit whose names point at the chain's end.
   */
  function chainMessage(chain: number, maxRecords = Infinity): Uint8Array {
    const records = Math.min(maxRecords, Math.floor((MAX_MESSAGE_BYTES - 12 - 12 - 1 - 2 * chain) / 12));
    const out = [0, 0, 0x81, 0x80, 0, 0, ...u16(records + 1), 0, 0, 0, 0];
    out.push(0, ...u16(999), ...u16(1), 0, 0, 0, 0, ...u16(1 + 2 * chain));
    const start = out.length;
    out.push(0);
    for (let i = 0; i < chain; i++) {
      const target = i === 0 ? start : start + 1 + 2 * (i - 1);
      out.push(0xc0 | (target >> 8), target & 0xff);
    }
    const end = start + 1 + 2 * (chain - 1);
    for (let i = 0; i < records; i++) out.push(0xc0 | (end >> 8), end & 0xff, ...u16(999), ...u16(1), 0, 0, 0, 0, 0, 0);
    return Uint8Array.from(out);
  }

  it.each([
    // The longest chain a real name can need (one pointer per label) is followed.
    { what: `${MAX_POINTER_JUMPS} pointers`, chain: MAX_POINTER_JUMPS - 1, ok: true },
    // One more is refused.
    { what: `${MAX_POINTER_JUMPS + 1} pointers`, chain: MAX_POINTER_JUMPS, ok: false },
  ])('a name reached through $what: ok = $ok', ({ chain, ok }) => {
    // The record name's own pointer counts as the first jump.
    expect(decodeTimed(chainMessage(chain, 1)).ok).toBe(ok);
  });

  it.each([1_000, 8_000, 16_000, 24_000])(
    'a 64 KB message whose every name follows a %i-pointer chain is refused quickly',
    (chain) => {
      const bytes = chainMessage(chain);
      expect(bytes.length).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
      const { ok, ms } = decodeTimed(bytes);
      expect(ok).toBe(false);
      expect(ms).toBeLessThan(100);
    },
  );

  it('random 64 KB bodies are decoded or refused quickly', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: MAX_MESSAGE_BYTES, maxLength: MAX_MESSAGE_BYTES }), (bytes) => {
        bytes[2] = (bytes[2] ?? 0) | 0x80; // a response, so the sections are read
        expect(decodeTimed(bytes).ms).toBeLessThan(250);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a body over 65535 bytes without reading it', () => {
    expect(decodeTimed(new Uint8Array(MAX_MESSAGE_BYTES + 1)).ok).toBe(false);
  });
});
