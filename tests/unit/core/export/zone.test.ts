import { describe, expect, it } from 'vitest';
import { buildExpectedRecords } from '~/core/expected';
import { quoteTxt, toZoneFile } from '~/core/export/zone';
import { getProvider } from '~/core/providers/index';
import type { ProviderProfile } from '~/core/providers/types';
import { RSA_2048_SPKI } from '../../support/keys';

const cn = getProvider('aliyun-cn') as ProviderProfile;

describe('toZoneFile', () => {
  const records = buildExpectedRecords({
    domain: 'example.com',
    provider: cn,
    dmarc: { policy: 'none' },
    dkimKey: `v=DKIM1; k=rsa; p=${RSA_2048_SPKI}`,
  });
  const zone = toZoneFile(records, 'example.com');
  const lines = zone.split('\n');

  it('starts with the origin and the TTL, and ends with a line break', () => {
    expect(lines.slice(0, 2)).toEqual(['; Mail records for example.com.', '$TTL 600']);
    expect(zone.endsWith('\n')).toBe(true);
  });

  it('writes absolute names, every MX host with its priority, and one line per value', () => {
    expect(lines.filter((l) => !l.startsWith(';') && !l.startsWith('$') && l !== '').map((l) => l.split('\t').slice(0, 3).join(' '))).toEqual([
      'example.com. IN MX',
      'example.com. IN MX',
      'example.com. IN MX',
      'example.com. IN TXT',
      'default._domainkey.example.com. IN TXT',
      '_dmarc.example.com. IN TXT',
      'mail.example.com. IN CNAME',
      'imap.example.com. IN CNAME',
      'smtp.example.com. IN CNAME',
      'pop3.example.com. IN CNAME',
    ]);
    expect(lines).toContain('example.com.\tIN\tMX\t5 mx1.qiye.aliyun.com.');
    expect(lines).toContain('example.com.\tIN\tMX\t15 mx3.qiye.aliyun.com.');
    expect(lines).toContain('example.com.\tIN\tTXT\t"v=spf1 include:spf.qiye.aliyun.com -all"');
    expect(lines).toContain('mail.example.com.\tIN\tCNAME\tqiye.aliyun.com.');
    expect(lines).toContain('_dmarc.example.com.\tIN\tTXT\t"v=DMARC1; p=none"');
  });

  it('splits a long DKIM value into quoted strings of at most 255 bytes', () => {
    const line = lines.find((l) => l.startsWith('default._domainkey.example.com.')) ?? '';
    const strings = [...line.matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? '');
    expect(strings.length).toBe(2);
    for (const s of strings) expect(s.length).toBeLessThanOrEqual(255);
    expect(strings.join('')).toBe(`v=DKIM1; k=rsa; p=${RSA_2048_SPKI}`);
  });

  it('comments out the DKIM line while the key is still to be copied', () => {
    const z = toZoneFile(buildExpectedRecords({ domain: 'example.com', provider: cn, dmarc: { policy: 'none' } }), 'example.com');
    const dkim = z.split('\n').filter((l) => l.includes('dkim') || l.includes('default._domainkey'));
    expect(dkim).toEqual([
      '; dkim: copy the value from the mail admin console, then publish:',
      '; default._domainkey.example.com.\tIN\tTXT\t"v=DKIM1; k=rsa; p=<public key from the admin console>"',
    ]);
  });

  it.each([
    { ttl: 3600, line: '$TTL 3600' },
    { ttl: 59.9, line: '$TTL 59' },
    { ttl: -5, line: '$TTL 0' },
  ])('writes a TTL of $ttl as $line', ({ ttl, line }) => {
    expect(toZoneFile([], 'example.com', ttl).split('\n')[1]).toBe(line);
  });

  it('writes the origin in normal form', () => {
    expect(toZoneFile([], 'Example.COM.').split('\n')[0]).toBe('; Mail records for example.com.');
  });

  it.each([
    ['plain', '"plain"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['tab\there', '"tab\\009here"'],
    ['中', '"\\228\\184\\173"'],
    ['', '""'],
  ])('escapes %j as %s', (input, expected) => {
    expect(quoteTxt(input)).toBe(expected);
  });
});
