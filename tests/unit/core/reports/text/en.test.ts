import { describe, expect, it } from 'vitest';
import { ADVICE_CODES, type AdviceCode, type AdviceParams } from '~/core/reports/advice';
import { en } from '~/core/reports/text/en';
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

describe('the en wording', () => {
  it.each(ADVICE_CODES.map((c) => [c]))('words the advice %s with what it is about', (code) => {
    const say = en.advice[code] as (p: unknown, c: { senderName: string; messages: number }) => string;
    const out = say(PARAMS[code], { senderName: 'SENDER', messages: 3 });
    expect(out).toContain(MUST_SAY[code]);
  });

  it.each([['gateway'], ['dkim-broken']] as const)('words a forwarder seen via %s', (via) => {
    expect(en.advice.forwarder({ via, reasons: [], sender: 'proofpoint' }, { senderName: 'SENDER', messages: 1 })).toContain('SENDER');
  });

  it('says when p=reject already asks receivers to refuse spoofed mail', () => {
    const [weak, strict] = ['none', 'reject'].map((policy) => en.advice['unknown-sender-spoofing']({ policy, ptr: 'none', ptrDomain: '' }, { senderName: '', messages: 1 }));
    expect(weak).not.toBe(strict);
  });

  it.each([
    ['error', 'Could not identify this sender (the reverse DNS lookup failed): 3 messages as your domain failed SPF and DKIM. Check the IP before treating it as spoofing; if you recognise it, authorise it in SPF and DKIM.'],
    ['not-asked', 'Could not identify this sender (reverse DNS was not looked up): 3 messages as your domain failed SPF and DKIM. Check the IP before treating it as spoofing; if you recognise it, authorise it in SPF and DKIM.'],
    ['none', 'An unknown sender (no reverse DNS name) sent 3 messages as your domain that failed SPF and DKIM: probably spoofing. Keep moving your policy towards p=reject. If you do recognise this sender, authorise it in SPF and DKIM.'],
    ['unrecognised', 'An unknown sender (a reverse DNS name we do not recognise) sent 3 messages as your domain that failed SPF and DKIM: probably spoofing. Keep moving your policy towards p=reject. If you do recognise this sender, authorise it in SPF and DKIM.'],
    ['unconfirmed', 'An unknown sender (a reverse DNS name that does not lead back to this IP) sent 3 messages as your domain that failed SPF and DKIM: probably spoofing. Keep moving your policy towards p=reject. If you do recognise this sender, authorise it in SPF and DKIM.'],
  ] as const)('words an unknown sender whose reverse DNS evidence is %s', (ptr, expected) => {
    expect(en.advice['unknown-sender-spoofing']({ policy: 'none', ptr, ptrDomain: '' }, { senderName: '', messages: 3 })).toBe(expected);
  });

  it.each(FILE_ERROR_CODES.map((c) => [c]))('words the file error %s', (code) => {
    expect(en.fileError[code]('52428800').length).toBeGreaterThan(3);
  });

  it('gives sizes in MB', () => {
    expect(en.fileError['too-large']('52428800')).toContain('50 MB');
  });

  it('writes shares with one decimal', () => {
    expect([en.percent(0), en.percent(96 / 122), en.percent(1)]).toEqual(['0.0%', '78.7%', '100.0%']);
  });
});
