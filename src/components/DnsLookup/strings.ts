/** DnsLookup widget strings, both languages side by side. */
import type { Lang } from '~/core';

const zh = {
  nameLabel: '名称或 IP 地址',
  nameHint: '例如 example.com、_dmarc.example.com；查 PTR（反向解析）时可直接填 IP 地址。',
  typeLabel: '记录类型',
  lookup: '查询',
  looking: '正在查询…',
  stop: '停止',
  nameErrors: {
    empty: '请填写要查询的名称。',
    'invalid-name': '这不是一个有效的域名。只能包含字母、数字、连字符、下划线和点。',
  },
  ptrFromIp: (ip: string, name: string) => `${ip} 是 IP 地址：已查询它的反向解析名称 ${name} 的 PTR 记录。`,
  status: '状态',
  flags: '标志',
  adYes: 'AD：解析服务器已验证 DNSSEC',
  adNo: 'AD：未经 DNSSEC 验证',
  tc: 'TC：回答被截断',
  resolver: '解析服务器',
  time: '用时',
  ms: (n: number) => `${n} 毫秒`,
  answerSection: '回答部分',
  authoritySection: '授权部分',
  noAnswer: '（无记录）',
  copy: '复制查询结果文本',
  failed: '查询失败：',
  triedAll: '已依次尝试所有解析服务器。',
  reportTitle: (question: string) => `DNS 查询：${question}`,
};

type Strings = typeof zh;

const en: Strings = {
  nameLabel: 'Name or IP address',
  nameHint: 'E.g. example.com, _dmarc.example.com; for PTR (reverse DNS) you can enter an IP address.',
  typeLabel: 'Record type',
  lookup: 'Look up',
  looking: 'Looking up…',
  stop: 'Stop',
  nameErrors: {
    empty: 'Enter a name to look up.',
    'invalid-name': 'This is not a valid domain name. Use only letters, digits, hyphens, underscores and dots.',
  },
  ptrFromIp: (ip: string, name: string) =>
    `${ip} is an IP address: looked up the PTR record of its reverse name ${name}.`,
  status: 'Status',
  flags: 'Flags',
  adYes: 'AD: DNSSEC validated by the resolver',
  adNo: 'AD: not DNSSEC validated',
  tc: 'TC: answer truncated',
  resolver: 'Resolver',
  time: 'Time',
  ms: (n: number) => `${n} ms`,
  answerSection: 'Answer section',
  authoritySection: 'Authority section',
  noAnswer: '(no records)',
  copy: 'Copy the result as text',
  failed: 'The lookup failed: ',
  triedAll: 'Every resolver was tried in turn.',
  reportTitle: (question: string) => `DNS lookup: ${question}`,
};

export const strings: Record<Lang, Strings> = { zh, en };
