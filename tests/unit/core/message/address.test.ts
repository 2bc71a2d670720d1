import { describe, expect, it } from 'vitest';
import { dnsAddress, parseAddressList, parseReturnPath } from '~/core/message/address';
import { utf8ByteString } from '~/core/message/bytes';

describe('parseAddressList', () => {
  type Row = { name: string; value: string; mailboxes: { name: string; address: string; domain: string }[] };
  const rows: Row[] = [
    { name: 'a bare address', value: ' zhang@Example.CN', mailboxes: [{ name: '', address: 'zhang@Example.CN', domain: 'example.cn' }] },
    { name: 'a display name and angle address', value: ' Zhang San <zhang@example.cn>', mailboxes: [{ name: 'Zhang San', address: 'zhang@example.cn', domain: 'example.cn' }] },
    { name: 'a quoted name with a comma', value: '"Li, Si" <li@example.cn>', mailboxes: [{ name: 'Li, Si', address: 'li@example.cn', domain: 'example.cn' }] },
    { name: 'a Big5 encoded display name', value: '=?big5?B?pP2kcKn6?= <wang@example.tw>', mailboxes: [{ name: '王小明', address: 'wang@example.tw', domain: 'example.tw' }] },
    { name: 'an encoded word inside quotes (common, though not allowed)', value: '"=?UTF-8?B?5byg5LiJ?=" <z@example.cn>', mailboxes: [{ name: '张三', address: 'z@example.cn', domain: 'example.cn' }] },
    { name: 'an encoded name holding "<" and ","', value: '=?UTF-8?Q?a=3C=2Cb?= <x@example.cn>', mailboxes: [{ name: 'a<,b', address: 'x@example.cn', domain: 'example.cn' }] },
    { name: 'the old addr (Name) form', value: 'x@example.cn (Xiao X)', mailboxes: [{ name: 'Xiao X', address: 'x@example.cn', domain: 'example.cn' }] },
    {
      name: 'two mailboxes',
      value: 'a@one.cn, B <b@two.cn>',
      mailboxes: [
        { name: '', address: 'a@one.cn', domain: 'one.cn' },
        { name: 'B', address: 'b@two.cn', domain: 'two.cn' },
      ],
    },
    { name: 'a group', value: 'Team: a@one.cn;', mailboxes: [{ name: '', address: 'a@one.cn', domain: 'one.cn' }] },
    { name: 'an obsolete route', value: '<@relay.cn:a@one.cn>', mailboxes: [{ name: '', address: 'a@one.cn', domain: 'one.cn' }] },
    // The angle address is the one outside quotes: a name cannot pass off another address (or its domain, for DMARC).
    { name: 'a quoted name holding markup', value: ' "<b>Boss</b>" <zhang@msg.test>', mailboxes: [{ name: '<b>Boss</b>', address: 'zhang@msg.test', domain: 'msg.test' }] },
    { name: 'a quoted name holding another address', value: '"ceo@bank.example <ceo@bank.example>" <x@evil.example>', mailboxes: [{ name: 'ceo@bank.example <ceo@bank.example>', address: 'x@evil.example', domain: 'evil.example' }] },
    { name: 'a comment holding "<" before the address', value: 'Li (a<b) <li@example.cn>', mailboxes: [{ name: 'Li', address: 'li@example.cn', domain: 'example.cn' }] },
    { name: 'a trailing dot in the domain', value: '<a@one.cn.>', mailboxes: [{ name: '', address: 'a@one.cn.', domain: 'one.cn' }] },
    // RFC 6532: UTF-8 in the raw field. Shown as it reads; the domain as DNS is asked it (A-labels).
    { name: 'a UTF-8 address and name (RFC 6532)', value: utf8ByteString(' 李四 <li@例子.cn>'), mailboxes: [{ name: '李四', address: 'li@例子.cn', domain: 'xn--fsqu00a.cn' }] },
    { name: 'a UTF-8 local part and domain without a name', value: utf8ByteString(' 李四@例子.中国'), mailboxes: [{ name: '', address: '李四@例子.中国', domain: 'xn--fsqu00a.xn--fiqs8s' }] },
    { name: 'an address already in A-labels', value: ' <li@XN--FSQU00A.cn>', mailboxes: [{ name: '', address: 'li@XN--FSQU00A.cn', domain: 'xn--fsqu00a.cn' }] },
  ];
  it.each(rows)('$name', ({ value, mailboxes }) => {
    expect(parseAddressList(value)).toEqual({ mailboxes, errors: [] });
  });
});

describe('parseReturnPath', () => {
  it.each([
    [' <bounce@mail.example.cn>', 'bounce@mail.example.cn'],
    [' <>', ''],
    [' bare@example.cn', 'bare@example.cn'],
    [' nonsense', undefined],
  ])('reads %j', (value, address) => expect(parseReturnPath(value)).toBe(address));
});

describe('dnsAddress', () => {
  it.each([
    ['li@例子.cn', 'li@xn--fsqu00a.cn'],
    ['李四@例子.cn', '李四@xn--fsqu00a.cn'],
    ['bounce@Mail.Example.CN.', 'bounce@mail.example.cn'],
    ['', ''],
  ])('asks DNS about %j as %j', (address, ascii) => expect(dnsAddress(address)).toBe(ascii));
});
