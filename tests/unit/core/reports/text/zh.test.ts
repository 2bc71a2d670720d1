import { describe, expect, it } from 'vitest';
import { ADVICE_CODES, type AdviceCode, type AdviceParams } from '~/core/reports/advice';
import { zh } from '~/core/reports/text/zh';
import { FILE_ERROR_CODES } from '~/core/reports/types';

// Params for every advice code, naming a sender where the code has one.
const PARAMS: { [C in AdviceCode]: AdviceParams[C] } = {
  'own-provider-dkim-off': { sender: 'alibaba-mail' },
  'own-provider-dkim-fail': { sender: 'alibaba-mail', selectors: ['default'] },
  'own-provider-spf-missing': { sender: 'alibaba-mail', include: 'spf.qiye.aliyun.com' },
  forwarder: { via: 'reason', reasons: ['mailing_list'], sender: '' },
  'platform-dkim-fail': { sender: 'sendgrid', selectors: ['s1'] },
  'platform-not-authorised': { sender: 'sendgrid', dkimDomains: [], spfDomains: [] },
  'other-mailbox-service': { sender: 'google' },
  'unknown-sender-spoofing': { policy: 'none', ptr: 'none', ptrDomain: '' },
};

// What each wording must carry: the sender's name, or the data it is about.
const MUST_SAY: { [C in AdviceCode]: string } = {
  'own-provider-dkim-off': 'SENDER',
  'own-provider-dkim-fail': 'default',
  'own-provider-spf-missing': 'include:spf.qiye.aliyun.com',
  forwarder: 'mailing_list',
  'platform-dkim-fail': 's1',
  'platform-not-authorised': 'SENDER',
  'other-mailbox-service': 'SENDER',
  'unknown-sender-spoofing': 'p=reject',
};

describe('the zh wording', () => {
  it.each(ADVICE_CODES.map((c) => [c]))('words the advice %s with what it is about', (code) => {
    const say = zh.advice[code] as (p: unknown, c: { senderName: string; messages: number }) => string;
    const out = say(PARAMS[code], { senderName: 'SENDER', messages: 3 });
    expect(out).toContain(MUST_SAY[code]);
  });

  it.each([['gateway'], ['dkim-broken']] as const)('words a forwarder seen via %s', (via) => {
    expect(zh.advice.forwarder({ via, reasons: [], sender: 'proofpoint' }, { senderName: 'SENDER', messages: 1 })).toContain('SENDER');
  });

  it('says when p=reject already asks receivers to refuse spoofed mail', () => {
    const [weak, strict] = ['none', 'reject'].map((policy) => zh.advice['unknown-sender-spoofing']({ policy, ptr: 'none', ptrDomain: '' }, { senderName: '', messages: 1 }));
    expect(weak).not.toBe(strict);
  });

  it.each([
    ['error', '无法识别这个发件方（反向解析查询失败）：它以您的域名发出了 3 封 SPF 和 DKIM 都未通过的邮件。认定为伪冒之前，请先核实这个 IP；如果您认识它，请在 SPF 和 DKIM 中授权它。'],
    ['not-asked', '无法识别这个发件方（未查询反向解析）：它以您的域名发出了 3 封 SPF 和 DKIM 都未通过的邮件。认定为伪冒之前，请先核实这个 IP；如果您认识它，请在 SPF 和 DKIM 中授权它。'],
    ['none', '未知发件方（没有反向解析名称）以您的域名发出了 3 封 SPF 和 DKIM 都未通过的邮件，很可能是伪冒。请逐步把策略收紧到 p=reject。如果您认识这个发件方，请在 SPF 和 DKIM 中授权它。'],
    ['unrecognised', '未知发件方（反向解析名称无法识别）以您的域名发出了 3 封 SPF 和 DKIM 都未通过的邮件，很可能是伪冒。请逐步把策略收紧到 p=reject。如果您认识这个发件方，请在 SPF 和 DKIM 中授权它。'],
    ['unconfirmed', '未知发件方（反向解析名称不指回这个 IP）以您的域名发出了 3 封 SPF 和 DKIM 都未通过的邮件，很可能是伪冒。请逐步把策略收紧到 p=reject。如果您认识这个发件方，请在 SPF 和 DKIM 中授权它。'],
  ] as const)('words an unknown sender whose reverse DNS evidence is %s', (ptr, expected) => {
    expect(zh.advice['unknown-sender-spoofing']({ policy: 'none', ptr, ptrDomain: '' }, { senderName: '', messages: 3 })).toBe(expected);
  });

  it.each(FILE_ERROR_CODES.map((c) => [c]))('words the file error %s', (code) => {
    expect(zh.fileError[code]('52428800').length).toBeGreaterThan(3);
  });

  it('gives sizes in MB', () => {
    expect(zh.fileError['too-large']('52428800')).toContain('50 MB');
  });

  it('writes shares with one decimal', () => {
    expect([zh.percent(0), zh.percent(96 / 122), zh.percent(1)]).toEqual(['0.0%', '78.7%', '100.0%']);
  });
});
