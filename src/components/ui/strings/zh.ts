// The shared widget pieces' words in 简体中文 (status badges, copy buttons, the resolver picker,
// the record table, the summary). ./en.ts has the same shape.
import type { RecordId } from '~/core';

export const zh = {
  copy: '复制',
  copied: '已复制',
  copyFailed: '无法自动复制，请选中文字后手动复制。',
  status: {
    ok: '正常',
    warn: '建议修改',
    fail: '有问题',
    error: '无法检查',
    pending: '检查中…',
    differs: '不一致',
  },
  resolvers: '解析服务器',
  orderLegend: '先问哪个解析服务器',
  orderAuto: '自动：同时询问一个中国内地的（阿里）和一个海外的（Google），谁先回答就先用谁，并记住到下次访问',
  orderCn: '国内优先（阿里、腾讯 DNSPod）',
  orderGlobal: '海外优先（Google、Cloudflare）',
  orderHint: '先问的那个出错（包括返回 HTTP 429 或 5xx）时，立即改问下一个；没有及时回答时，也会同时问下一个。',
  atOnce: (names: string) => `${names}（同时询问）`,
  answeredFirst: (name: string) => `${name}（先回答）`,
  customLabel: '自定义 DoH 地址（可选）',
  customHint:
    '以 https:// 开头的 DNS-over-HTTPS 地址，例如 https://dns.example.com/dns-query。该服务器必须允许网页直接查询（发送 CORS 头）。',
  customUse: '使用此地址',
  customForget: '不再使用',
  customSaved: (url: string) => `已保存自定义解析服务器：${url}`,
  customRemoved: '已移除自定义解析服务器。',
  urlErrors: {
    'invalid-url': '这不是一个可用的网址。请填写完整的 https:// 地址。',
    'insecure-url': '只接受 https:// 地址（http:// 仅限本机测试：localhost 或 127.0.0.1）。',
  },
  linkInUse: '使用链接指定的解析服务器：',
  linkStop: '停止使用',
  linkRefused: '链接中的解析服务器地址无法使用，已忽略：',
  savedInUse: '正在使用你保存的自定义解析服务器：',
  readMore: '详细说明',
  copyReport: '复制检查报告（用于工单）',
  /** The copied report's own words (ui/report.ts). */
  report: { sep: '：', semi: '；', open: '（', close: '）', link: '链接', ran: '检查时间', notRun: '尚未检查', asked: '查询的解析服务器', answered: '给出答复的', verdict: '结论', none: '无' },
  summary: {
    label: '检查结论',
    counts: '各状态的记录数',
    running: (left: number, total: number) => `正在检查：${total} 条记录中还有 ${left} 条没有结果。`,
    aborted: '检查已停止。',
    verdict: (n: { ok: number; warn: number; fail: number; error: number }, total: number) =>
      `已检查 ${total} 条记录：` +
      (n.fail > 0
        ? `${n.fail} 条有问题，需要修改${n.warn > 0 ? `；另有 ${n.warn} 条建议修改` : ''}${n.error > 0 ? `；${n.error} 条无法检查` : ''}。`
        : n.warn > 0
          ? `没有必须修改的问题，${n.warn} 条建议修改${n.error > 0 ? `；${n.error} 条无法检查` : ''}。`
          : n.error > 0
            ? `${n.error} 条无法检查（解析服务器没有答复），其余 ${n.ok} 条正常。`
            : '全部正常。'),
  },
  table: {
    caption: (d: string) => `${d} 需要的 DNS 记录`,
    record: '记录',
    host: '主机记录',
    value: '记录值',
    result: '检查结果',
    priority: '优先级',
    optional: '可选',
    required: '必需',
    notChecked: '尚未检查',
    observed: 'DNS 返回：',
    observedNone: 'DNS 没有返回记录',
    consoleValue: '（从邮箱管理后台复制 DKIM 公钥）',
    merged: '已合并域名现有 SPF 记录中的其他发信来源',
    cacheUntil: (time: string) => `各地缓存的旧结果最迟在 ${time} 前过期`,
    names: {
      mx: 'MX（收信）',
      spf: 'SPF（发信授权）',
      dkim: 'DKIM（邮件签名）',
      dmarc: 'DMARC（策略与报告）',
      mail: 'mail（网页邮箱地址）',
      imap: 'imap（客户端）',
      smtp: 'smtp（客户端）',
      pop3: 'pop3（客户端）',
    } satisfies Record<RecordId, string>,
  },
};
export type UiStrings = typeof zh;
