/**
 * 简体中文措辞：DMARC 报告阅读器（摘要、处理建议、文件错误）。
 * 与 en.ts 同一组键；结构见 text/types.ts。
 */
import type { ReportsText } from './types';

const mb = (bytes: string): string => `${Math.round(Number(bytes) / (1024 * 1024))} MB`;
const list = (items: readonly string[]): string => items.join('、');
// One formatter for every number (toLocaleString builds a new one per call: slow over thousands of cells).
let numbers: Intl.NumberFormat | undefined;
const n = (x: number): string => (numbers ??= new Intl.NumberFormat('zh-CN')).format(x);
const pc = (share: number): string => `${(share * 100).toFixed(1)}%`;

const PTR_EVIDENCE = {
  none: '没有反向解析名称',
  unrecognised: '反向解析名称无法识别',
  unconfirmed: '反向解析名称不指回这个 IP',
  error: '反向解析查询失败',
  'not-asked': '未查询反向解析',
} as const satisfies ReportsText['ptrEvidence'];

export const zh = {
  lang: 'zh',
  count: n,
  percent: pc,
  summaryTitle: (domains) => `DMARC 报告：${domains.length > 0 ? list(domains) : '（无域名）'}`,
  period: (first, last) => (first === last ? `日期：${first}` : `时间段：${first} 至 ${last}`),
  unnamedSource: (ipOrDomain) => ipOrDomain,
  advice: {
    'own-provider-dkim-off': (_p, c) =>
      `${c.senderName}是您自己的邮箱服务，但其中 ${n(c.messages)} 封邮件没有您域名的 DKIM 签名：请在其管理后台开启 DKIM，并把后台给出的公钥添加到 DNS。`,
    'own-provider-dkim-fail': (p, c) =>
      `${c.senderName}为您的邮件做了签名，但签名验证失败${p.selectors.length ? `（选择器 ${list(p.selectors)}）` : ''}：DNS 中的 DKIM 记录与管理后台的公钥不一致，请重新复制公钥。`,
    'own-provider-spf-missing': (p, c) =>
      `来自${c.senderName}的邮件 SPF 未通过：${p.include ? `请在 SPF 记录中加入 include:${p.include}` : '请在 SPF 记录中加入它的 include'}。`,
    forwarder: (p, c) =>
      p.via === 'reason'
        ? `转发或邮件列表的邮件（收件方标注为：${list(p.reasons)}）。您这边无需处理；DKIM 能让转发的邮件继续通过。`
        : p.via === 'gateway'
          ? `${c.senderName || '邮件安全网关'}替收件人转交了您的邮件。您这边无需处理。`
          : `您的邮件经由${c.senderName || '其他服务器'}转交，途中 DKIM 签名被破坏（转发或邮件列表修改了邮件）。您这边无需处理。`,
    'platform-dkim-fail': (p, c) =>
      `${c.senderName}以您的域名签名，但签名验证失败${p.selectors.length ? `（选择器 ${list(p.selectors)}）` : ''}：请检查它要求您添加的 DKIM 记录。`,
    'platform-not-authorised': (_p, c) =>
      `${c.senderName}以您的域名发信，却没有您域名的 DKIM 签名，SPF 也未通过：如果您在使用它，请完成它的域名验证（为您的域名配置 DKIM）；如果没有使用，说明有人在冒用您的域名。`,
    'other-mailbox-service': (_p, c) =>
      `${c.senderName}以您的域名发出了 ${n(c.messages)} 封没有您 DKIM 签名的邮件：如果有同事通过它代发（“以此地址发送”），请在那里配置您的域名；否则这些是转发的邮件。`,
    'unknown-sender-spoofing': (p, c) =>
      p.ptr === 'error' || p.ptr === 'not-asked'
        ? `无法识别这个发件方（${PTR_EVIDENCE[p.ptr]}）：它以您的域名发出了 ${n(c.messages)} 封 SPF 和 DKIM 都未通过的邮件。认定为伪冒之前，请先核实这个 IP；如果您认识它，请在 SPF 和 DKIM 中授权它。`
        : `未知发件方（${PTR_EVIDENCE[p.ptr]}）以您的域名发出了 ${n(c.messages)} 封 SPF 和 DKIM 都未通过的邮件，很可能是伪冒。${
            p.policy === 'reject' ? '您的策略 p=reject 已要求收件方拒收。' : '请逐步把策略收紧到 p=reject。'
          }如果您认识这个发件方，请在 SPF 和 DKIM 中授权它。`,
  },
  ptrEvidence: PTR_EVIDENCE,
  fileErrorsHeading: '未能读取的文件：',
  fileError: {
    'unknown-format': () => '不是 XML、.gz 或 .zip 文件',
    empty: () => '文件为空',
    'too-large': (d) => `解压后超过 ${mb(d)}，已拒绝`,
    'total-too-large': (d) => `所有文件解压后合计将超过 ${mb(d)}，已拒绝`,
    'too-many-entries': (d) => `压缩包内文件超过 ${d} 个`,
    'corrupt-archive': () => '压缩文件已损坏',
    'unsupported-archive': (d) => `不支持这种压缩格式（${d}）`,
    'bad-encoding': (d) => `未知的文本编码“${d}”`,
    'xml-entities': () => 'XML 中声明了实体（报告从不需要），已拒绝',
    'malformed-xml': (d) => `XML 格式错误（${d}）`,
    'not-dmarc': (d) => `不是 DMARC 汇总报告（根元素 <${d}>）`,
    'invalid-report': (d) => `报告缺少 ${d}`,
  },
} satisfies ReportsText;
