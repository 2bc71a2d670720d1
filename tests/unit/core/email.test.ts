import { describe, expect, it } from 'vitest';
import { parseEmailAddress } from '~/core/email';

// The refusals are tested through the profile that needs a good address (export/mobileconfig.test.ts).
describe('parseEmailAddress accepts and normalises real addresses', () => {
  type Row = { input: string; address: string; note: string };
  const rows: Row[] = [
    // as typed
    { input: 'zhang@example.com', address: 'zhang@example.com', note: 'a plain address' },
    // the domain is folded to lower case, the local part is kept as typed
    { input: 'Zhang.San@Example.COM', address: 'Zhang.San@example.com', note: 'mixed case' },
    // spaces from a paste
    { input: '  li+sales@example.com.cn \n', address: 'li+sales@example.com.cn', note: 'surrounding whitespace and a plus tag' },
    // full-width letters and at sign, typed with a Chinese input method
    { input: 'ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ', address: 'zhang@example.com', note: 'full-width characters' },
    // the Chinese full stop in the domain
    { input: 'wang@example。com', address: 'wang@example.com', note: 'a Chinese full stop' },
    // a Chinese domain goes into the profile as punycode
    { input: 'li@例子.中国', address: 'li@xn--fsqu00a.xn--fiqs8s', note: 'a Chinese domain' },
    // a trailing dot on the domain
    { input: 'zhao@example.com.', address: 'zhao@example.com', note: 'a trailing dot' },
    // every special character dot-atom allows
    { input: "a!#$%&'*+/=?^_`{|}~-z@example.com", address: "a!#$%&'*+/=?^_`{|}~-z@example.com", note: 'every special character a local part may hold' },
  ];
  it.each(rows)('accepts $note', ({ input, address }) => {
    const r = parseEmailAddress(input);
    expect(r.ok && r.address).toBe(address);
  });
});
