import { describe, expect, it } from 'vitest';
import { canonicalIp, parseCount, parseTimestamp, recordPasses } from '~/core/reports/values';

describe('value readers', () => {
  const timestamps: [string, number][] = [
    ['1700000000', 1700000000],
    ['1700000000.0', 1700000000],
    [' 1700000000.75 ', 1700000000],
    ['1700000000123', 1700000000],
    ['2023-11-14T22:13:20Z', 1700000000],
    ['yesterday', NaN],
    ['', NaN],
  ];
  it.each(timestamps)('reads the timestamp %j as %d', (t, sec) => {
    expect(parseTimestamp(t)).toBe(sec);
  });

  const counts: [string, number][] = [
    ['12', 12],
    ['12.0', 12],
    [' 7\n', 7],
    ['-1', NaN],
    ['1.5', NaN],
    ['1e3', NaN],
  ];
  it.each(counts)('reads the count %j as %d', (t, n) => {
    expect(parseCount(t)).toBe(n);
  });

  const ips: [string, string][] = [
    ['192.0.2.1', '192.0.2.1'],
    [' 192.0.2.1 ', '192.0.2.1'],
    ['192.000.002.001', '192.0.2.1'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['2001:db8::1', '2001:db8::1'],
    ['not an ip', 'not an ip'],
  ];
  it.each(ips)('writes the IP %j as %j', (t, ip) => {
    expect(canonicalIp(t)).toBe(ip);
  });

  const verdicts: [string, string, boolean][] = [
    ['pass', 'fail', true],
    ['fail', 'pass', true],
    ['fail', 'fail', false],
    ['', '', false],
  ];
  it.each(verdicts)('a record with dkim %j and spf %j passes DMARC: %s', (dkim, spf, passes) => {
    expect(recordPasses({ dkim, spf })).toBe(passes);
  });
});
