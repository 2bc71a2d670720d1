import { describe, expect, it } from 'vitest';
import type { PtrResult } from '~/core';
import { en } from '~/components/DmarcReports/strings.en';
import { zh } from '~/components/DmarcReports/strings.zh';
import { contractTotals, policyText, ptrConfirmation, ptrLabel, recognisedLabel, reportNotes } from '~/components/DmarcReports/view';

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

describe('policyText', () => {
  const policy = { domain: 'example.com', p: 'quarantine', sp: 'quarantine', np: 'reject', adkim: 'r', aspf: 'r', pct: '', fo: '', testing: 'y', discoveryMethod: 'treewalk' };
  it('writes the tags as found, with the RFC 9990 discovery method', () => {
    expect([policyText(policy, en), policyText(policy, zh)]).toEqual([
      'p=quarantine sp=quarantine np=reject adkim=r aspf=r testing (t=y) discovery_method=treewalk',
      'p=quarantine sp=quarantine np=reject adkim=r aspf=r 测试中（t=y） discovery_method=treewalk',
    ]);
  });

  it('leaves out what the reporter did not give', () => {
    expect(policyText({ ...policy, sp: '', np: '', testing: '', discoveryMethod: '' }, en)).toBe('p=quarantine adkim=r aspf=r');
  });
});

describe('reportNotes', () => {
  const errors = Array.from({ length: 7 }, (_, i) => `error ${i + 1}`);
  it('gives the generator and the first errors as text, with how many more', () => {
    expect(reportNotes({ generator: '<b>Reporter</b> 2.1', errors }, en)).toEqual({
      generator: 'Generator: <b>Reporter</b> 2.1',
      errors: ['Error the reporter noted: error 1', 'Error the reporter noted: error 2', 'Error the reporter noted: error 3', 'Error the reporter noted: error 4', 'Error the reporter noted: error 5'],
      more: '… and 2 more errors',
    });
  });

  it('says nothing when the report has neither', () => {
    expect(reportNotes({ generator: '', errors: [] }, zh)).toEqual({ generator: '', errors: [], more: '' });
  });

  it('words them in Chinese', () => {
    expect(reportNotes({ generator: 'G', errors: ['e'] }, zh)).toEqual({ generator: '生成程序：G', errors: ['报告方记录的错误：e'], more: '' });
  });
});
