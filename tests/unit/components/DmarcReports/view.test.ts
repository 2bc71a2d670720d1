import { describe, expect, it } from 'vitest';
import type { PtrResult } from '~/core';
import { en } from '~/components/DmarcReports/strings.en';
import { zh } from '~/components/DmarcReports/strings.zh';
import { contractTotals, ptrConfirmation, ptrLabel, recognisedLabel } from '~/components/DmarcReports/view';

describe('ptrLabel', () => {
  const rows: [string, PtrResult | undefined, string, string][] = [
    ['a confirmed name as it is', { status: 'found', names: ['out10-1.mail.aliyun.com'], confirmed: true }, 'out10-1.mail.aliyun.com', 'out10-1.mail.aliyun.com'],
    [
      'a name that does not lead back, marked unconfirmed',
      { status: 'found', names: ['out30-1.mail.aliyun.com'], confirmed: false },
      'out30-1.mail.aliyun.com (not confirmed: this name does not lead back to the IP)',
      'out30-1.mail.aliyun.com（未确认：这个名称的正向解析不指回该 IP）',
    ],
    [
      'a name whose forward check failed, marked unchecked',
      { status: 'found', names: ['a.example.net', 'b.example.net'], confirmed: null },
      'a.example.net, b.example.net (could not check that this name leads back to the IP)',
      'a.example.net, b.example.net（无法确认这个名称是否指回该 IP）',
    ],
    ['no name', { status: 'none', rcode: 'NXDOMAIN' }, 'no reverse DNS name', '没有反向解析名称'],
    ['a failed lookup with its code', { status: 'error', code: 'timeout' }, 'lookup failed (timeout)', '查询失败（timeout）'],
    ['a pending lookup', undefined, 'looking up…', '查询中…'],
  ];
  it.each(rows)('reads %s', (_name, ptr, english, chinese) => {
    expect([ptrLabel(ptr, en), ptrLabel(ptr, zh)]).toEqual([english, chinese]);
  });
});

describe('ptrConfirmation', () => {
  it.each([
    [true, 'yes'],
    [false, 'no'],
    [null, 'unknown'],
  ] as const)('marks confirmed=%s as %s', (confirmed, expected) => {
    expect(ptrConfirmation({ status: 'found', names: ['x.example'], confirmed })).toBe(expected);
  });

  it('says nothing when there is no name', () => {
    expect(ptrConfirmation({ status: 'none', rcode: 'NXDOMAIN' })).toBeUndefined();
  });
});

describe('recognisedLabel', () => {
  it.each([
    [{ via: 'dkim', name: 'sendgrid.net' }, 'Named by its passing DKIM signature d=sendgrid.net', '由通过验证的 DKIM 签名 d=sendgrid.net 识别'],
    [{ via: 'spf', name: 'us-east-1.amazonses.com' }, 'Named by its passing SPF for us-east-1.amazonses.com', '由通过验证的 SPF（us-east-1.amazonses.com）识别'],
    [{ via: 'ptr', name: 'mail-wr1-f54.google.com' }, '', ''],
    [null, '', ''],
  ] as const)('says why %j names the source', (by, english, chinese) => {
    expect([recognisedLabel(by, en), recognisedLabel(by, zh)]).toEqual([english, chinese]);
  });
});

describe('contractTotals', () => {
  it('keeps each IP’s messages and passes', () => {
    const src = (ip: string, messages: number, pass: number) =>
      ({ ip, messages, pass }) as unknown as import('~/core').SourceIp;
    expect([...contractTotals([src('192.0.2.10', 99, 99), src('203.0.113.30', 16, 0)])]).toEqual([
      ['192.0.2.10', { messages: 99, pass: 99 }],
      ['203.0.113.30', { messages: 16, pass: 0 }],
    ]);
  });
});
