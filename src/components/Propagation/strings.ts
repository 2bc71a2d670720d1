/** Propagation widget strings, both languages side by side. */
import type { Lang } from '~/core';

const zh = {
  nameLabel: '要查询的名称',
  nameHint: '域名或主机名，例如 example.com、mail.example.com、_dmarc.example.com。',
  typeLabel: '记录类型',
  check: '比较各解析服务器',
  checking: '正在查询…',
  stop: '停止',
  nameErrors: {
    empty: '请填写要查询的名称。',
    'invalid-name': '这不是一个有效的域名。只能包含字母、数字、连字符、下划线和点。',
  },
  resultsHeading: (name: string, type: string) => `${name} 的 ${type} 记录`,
  answers: '回答',
  noRecords: (type: string) => `没有 ${type} 记录`,
  ttl: 'TTL',
  rcode: '响应代码',
  ad: 'DNSSEC 验证（AD）',
  adYes: '已验证',
  adNo: '未验证',
  time: '用时',
  ms: (n: number) => `${n} 毫秒`,
  seconds: (n: number) => `${n} 秒`,
  statusOk: '一致',
  statusAnswered: '已回答',
  statusError: '无回答',
  statusSingle: '仅一个回答',
  verdict: {
    agree: (n: number) => `全部 ${n} 个解析服务器的回答一致。`,
    single: '只有 1 个解析服务器给出了可用的回答，无法比较。',
    differMajority: (n: number, odd: string) => `回答不一致：${n} 个解析服务器的回答相同，${odd} 的回答与之不同。`,
    differTie: '回答不一致，而且没有多数一致的回答。',
    stale: (s: number) => `如果不同的回答只是缓存中的旧记录，它最迟在 ${s} 秒后过期（按其 TTL 计算）。`,
    staleTie: (s: number) => `如果其中一种回答只是缓存中的旧记录，它最迟在 ${s} 秒后过期（按其 TTL 计算）。`,
    staleAfter:
      '如果过了这段时间仍然不同，说明各解析服务器看到的数据本身就不一样，例如按地区设置了不同的解析线路，或各台权威 DNS 服务器的数据不同步。',
    dataDiffers:
      '如果修改记录已经过了一段时间，说明各解析服务器看到的数据本身就不一样，例如按地区设置了不同的解析线路，或各台权威 DNS 服务器的数据不同步。',
    regionSplit:
      '国内与海外的解析服务器回答不同：请检查 DNS 控制台中这条记录的“解析线路”，是否只设置了“境内”线路，或为不同线路填了不同的值。应使用“默认”线路。',
    none: '没有一个解析服务器给出可用的回答。可能是网络问题，或这些解析服务器在当前网络中被屏蔽。',
    servfail:
      '能连接上的解析服务器都返回 SERVFAIL：它们都无法得到这个名称的回答。常见原因是域名的 DNSSEC 配置有误，或权威 DNS 服务器没有响应。',
  },
  listSeparator: '、',
  reportTitle: (question: string) => `多地解析对比：${question}`,
};

type Strings = typeof zh;

const en: Strings = {
  nameLabel: 'Name to look up',
  nameHint: 'A domain or host name, e.g. example.com, mail.example.com, _dmarc.example.com.',
  typeLabel: 'Record type',
  check: 'Compare resolvers',
  checking: 'Asking…',
  stop: 'Stop',
  nameErrors: {
    empty: 'Enter a name to look up.',
    'invalid-name': 'This is not a valid domain name. Use only letters, digits, hyphens, underscores and dots.',
  },
  resultsHeading: (name: string, type: string) => `${type} records of ${name}`,
  answers: 'Answer',
  noRecords: (type: string) => `No ${type} record`,
  ttl: 'TTL',
  rcode: 'Response code',
  ad: 'DNSSEC validated (AD)',
  adYes: 'yes',
  adNo: 'no',
  time: 'Time',
  ms: (n: number) => `${n} ms`,
  seconds: (n: number) => `${n} s`,
  statusOk: 'Agrees',
  statusAnswered: 'Answered',
  statusError: 'No answer',
  statusSingle: 'One answer',
  verdict: {
    agree: (n: number) => `All ${n} resolvers give the same answer.`,
    single: 'Only one resolver gave a usable answer: nothing to compare.',
    differMajority: (n: number, odd: string) => `The answers differ: ${n} resolvers agree, ${odd} answers differently.`,
    differTie: 'The answers differ, and no answer has a majority.',
    stale: (s: number) =>
      `If the odd answer is an old record still cached, it expires within ${s} s at the latest (from its TTL).`,
    staleTie: (s: number) =>
      `If one of these answers is an old record still cached, it expires within ${s} s at the latest (from its TTL).`,
    staleAfter:
      'If the answers still differ after that, the resolvers see different data, for example records set per region, or name servers that are out of step.',
    dataDiffers:
      'If the record was changed a while ago, the resolvers see different data, for example records set per region, or name servers that are out of step.',
    regionSplit:
      'Resolvers in China and outside China answer differently: in your DNS console, check the record’s line/region setting (e.g. an Alibaba Cloud record set only for the “China” line, or different values per line). Use the default line.',
    none: 'No resolver gave a usable answer. The network may be down, or these resolvers are blocked on this network.',
    servfail:
      'Every resolver that could be reached answered SERVFAIL: none could get an answer for this name. Common causes are broken DNSSEC for the domain or authoritative name servers not responding.',
  },
  listSeparator: ', ',
  reportTitle: (question: string) => `Compare resolvers: ${question}`,
};

export const strings: Record<Lang, Strings> = { zh, en };
