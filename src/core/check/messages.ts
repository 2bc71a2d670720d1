/**
 * What each finding means for the reader, in both page languages: what is
 * wrong (naming the values involved), what to change, and which guide page
 * explains it (a slug from the page map; the view adds the locale prefix).
 * Values in params may come from DNS: they are shortened here and must be
 * escaped by the view (text, never HTML).
 */
import { truncateForDisplay } from '../domain';
import { providerName } from '../providers/index';
import type { Finding, Lang, ProblemCode } from '../types';

export interface FindingText {
  /** What is wrong. */
  readonly text: string;
  /** What to change. */
  readonly fix: string;
  /** Page slug, e.g. `dns/spf`. */
  readonly guide: string;
}

type P = Finding['params'];

function str(p: P, key: string, max = 80): string {
  const v = p[key];
  return v === undefined ? '' : truncateForDisplay(String(v), max);
}

function num(p: P, key: string): number {
  const v = p[key];
  return typeof v === 'number' ? v : Number(v ?? 0) || 0;
}

const RECORD_LABEL: Record<string, { zh: string; en: string }> = {
  mx: { zh: 'MX 记录', en: 'MX record' },
  spf: { zh: 'SPF 记录', en: 'SPF record' },
  dkim: { zh: 'DKIM 记录', en: 'DKIM record' },
  dmarc: { zh: 'DMARC 记录', en: 'DMARC record' },
  mail: { zh: 'mail CNAME 记录', en: 'mail CNAME record' },
  imap: { zh: 'imap CNAME 记录', en: 'imap CNAME record' },
  smtp: { zh: 'smtp CNAME 记录', en: 'smtp CNAME record' },
  pop3: { zh: 'pop3 CNAME 记录', en: 'pop3 CNAME record' },
};

const RECORD_GUIDE: Record<string, string> = {
  mx: 'dns/mx',
  spf: 'dns/spf',
  dkim: 'dns/dkim',
  dmarc: 'dns/dmarc',
  mail: 'dns/cname',
  imap: 'dns/cname',
  smtp: 'dns/cname',
  pop3: 'dns/cname',
};

function label(p: P, lang: Lang): string {
  const id = String(p['record'] ?? '');
  return RECORD_LABEL[id]?.[lang] ?? (lang === 'zh' ? '记录' : 'record');
}

function guideFor(p: P, fallback: string): string {
  return RECORD_GUIDE[String(p['record'] ?? '')] ?? fallback;
}

/** 600 → "10 分钟" / "10 minutes". */
export function formatDuration(seconds: number, lang: Lang): string {
  const s = Math.max(0, Math.round(seconds));
  const unit = (n: number, zh: string, en: string): string =>
    lang === 'zh' ? `${n} ${zh}` : `${n} ${en}${n === 1 ? '' : 's'}`;
  if (s < 120) return unit(s, '秒', 'second');
  if (s < 7200) return unit(Math.round(s / 60), '分钟', 'minute');
  if (s < 172800) return unit(Math.round(s / 3600), '小时', 'hour');
  return unit(Math.round(s / 86400), '天', 'day');
}

const SPF_REASON: Record<string, { zh: string; en: string }> = {
  'no-version': {
    zh: '记录必须以 v=spf1 开头，后面跟空格',
    en: 'the record must start with v=spf1 followed by a space',
  },
  'unknown-mechanism': {
    zh: '不认识的机制（常见于拼写错误，如 inlcude、ipv4）',
    en: 'unknown mechanism (often a typo such as inlcude or ipv4)',
  },
  'missing-argument': { zh: '缺少冒号后的域名或地址', en: 'the domain or address after the colon is missing' },
  'unexpected-argument': { zh: '这个机制后面不能带参数', en: 'this mechanism takes no argument' },
  'invalid-domain': { zh: '域名格式不对', en: 'the domain name is not valid' },
  'invalid-macro': { zh: '宏（%{…}）写法不对', en: 'the macro (%{…}) is malformed' },
  'invalid-ip4': { zh: 'IPv4 地址不对', en: 'the IPv4 address is not valid' },
  'invalid-ip6': { zh: 'IPv6 地址不对', en: 'the IPv6 address is not valid' },
  'invalid-cidr': { zh: '网段长度（/ 后的数字）超出范围', en: 'the prefix length after / is out of range' },
  'invalid-modifier': { zh: '修饰符写法不对', en: 'the modifier is malformed' },
  'duplicate-modifier': { zh: 'redirect 或 exp 只能出现一次', en: 'redirect and exp may appear only once' },
};

const DMARC_REASON: Record<string, { zh: string; en: string }> = {
  'no-version': { zh: '记录必须以 v=DMARC1 开头', en: 'the record must start with v=DMARC1' },
  'missing-policy': { zh: '缺少 p= 策略', en: 'the p= policy is missing' },
  'invalid-policy': {
    zh: '策略只能是 none、quarantine 或 reject',
    en: 'the policy must be none, quarantine or reject',
  },
  'invalid-pct': { zh: 'pct 必须是 0 到 100 的整数', en: 'pct must be a whole number from 0 to 100' },
  'invalid-alignment': { zh: 'adkim/aspf 只能是 r 或 s', en: 'adkim/aspf must be r or s' },
  'invalid-fo': { zh: 'fo 只能是 0、1、d、s（用冒号分隔）', en: 'fo takes 0, 1, d, s separated by colons' },
  'invalid-uri': { zh: '报告地址应写成 mailto:地址', en: 'report addresses are written as mailto:address' },
  'invalid-interval': { zh: 'ri 必须是秒数', en: 'ri must be a number of seconds' },
  'duplicate-tag': { zh: '同一个标签出现了两次', en: 'a tag appears twice' },
  'malformed-tag': { zh: '有一段不是“标签=值”的形式', en: 'a part is not of the form tag=value' },
  multiple: {
    zh: '同一名称下有多条 DMARC 记录，收件方会全部忽略',
    en: 'there are several DMARC records at the name, so receivers ignore them all',
  },
};

const DKIM_REASON: Record<string, { zh: string; en: string }> = {
  'bad-version': { zh: 'v= 必须是 DKIM1 且放在最前面', en: 'v= must be DKIM1 and come first' },
  'missing-key': { zh: '缺少 p= 公钥', en: 'the p= public key is missing' },
  revoked: { zh: 'p= 为空，表示密钥已作废', en: 'p= is empty, which means the key is revoked' },
  'invalid-base64': {
    zh: '公钥不是有效的 Base64（可能复制时多了或少了字符）',
    en: 'the public key is not valid base64 (characters may have been lost or added when copying)',
  },
  'invalid-key': { zh: '公钥内容不完整或已损坏', en: 'the public key is incomplete or damaged' },
  'unknown-key-type': { zh: 'k= 只能是 rsa 或 ed25519', en: 'k= must be rsa or ed25519' },
  'invalid-hash': { zh: 'h= 中没有可用的哈希算法', en: 'h= lists no usable hash algorithm' },
  'duplicate-tag': { zh: '同一个标签出现了两次', en: 'a tag appears twice' },
  'malformed-tag': { zh: '有一段不是“标签=值”的形式', en: 'a part is not of the form tag=value' },
  multiple: { zh: '同一选择器下有多条 DKIM 记录', en: 'there are several DKIM records for the selector' },
  'not-dkim': {
    zh: '这个名称下有 TXT 记录，但内容不是 DKIM 公钥',
    en: 'there is a TXT record at this name, but it is not a DKIM key',
  },
};

function reason(map: Record<string, { zh: string; en: string }>, p: P, lang: Lang): string {
  const r = String(p['reason'] ?? '');
  return map[r]?.[lang] ?? truncateForDisplay(r, 40);
}

type Builder = (p: P, lang: Lang) => FindingText;

function bi(zh: FindingText, en: FindingText): (lang: Lang) => FindingText {
  return (lang) => (lang === 'zh' ? zh : en);
}

const BUILDERS: Record<ProblemCode, Builder> = {
  missing: (p, lang) => {
    const name = str(p, 'name');
    const expected = str(p, 'expected', 120);
    const l = label(p, lang);
    const guide = guideFor(p, 'dns/setup');
    if (p['record'] === 'dkim') {
      return bi(
        {
          text: `${name} 上没有找到 DKIM 记录。`,
          fix: '在邮箱管理后台开启 DKIM，复制后台给出的记录值，添加为该名称下的 TXT 记录。',
          guide,
        },
        {
          text: `No DKIM record was found at ${name}.`,
          fix: 'Switch DKIM on in the mail admin console, copy the value it shows, and add it as a TXT record at that name.',
          guide,
        },
      )(lang);
    }
    if (num(p, 'optional') === 1) {
      return bi(
        {
          text: `${name} 上没有${l}（可选）。`,
          fix: `如果希望客户端使用自己域名的服务器地址，添加 CNAME 指向 ${expected}；不添加也可以直接填写 ${expected}。`,
          guide,
        },
        {
          text: `There is no ${l} at ${name} (optional).`,
          fix: `To let mail clients use a server name under your own domain, add a CNAME to ${expected}; otherwise clients can use ${expected} directly.`,
          guide,
        },
      )(lang);
    }
    return bi(
      { text: `${name} 上没有找到${l}。`, fix: `添加这条记录${expected ? `，值为 ${expected}` : ''}。`, guide },
      {
        text: `No ${l} was found at ${name}.`,
        fix: `Add the record${expected ? ` with the value ${expected}` : ''}.`,
        guide,
      },
    )(lang);
  },
  'wrong-value': (p, lang) => {
    const name = str(p, 'name');
    const observed = str(p, 'observed', 120);
    const expected = str(p, 'expected', 120);
    const l = label(p, lang);
    const guide = guideFor(p, 'dns/setup');
    if (p['kind'] === 'address') {
      return bi(
        {
          text: `${name} 返回的是 IP 地址（${observed}），不是指向 ${expected} 的 CNAME。`,
          fix: `删除这个名称下的 A 记录，改为 CNAME 记录，值为 ${expected}。如果 DNS 在 Cloudflare，把这条记录设为“仅 DNS”（灰色云朵）。`,
          guide,
        },
        {
          text: `${name} answers with an address (${observed}) instead of a CNAME to ${expected}.`,
          fix: `Replace the A record at this name with a CNAME to ${expected}. If your DNS is at Cloudflare, set the record to “DNS only” (grey cloud).`,
          guide,
        },
      )(lang);
    }
    if (p['record'] === 'dmarc') {
      return bi(
        {
          text: `${name} 的策略是 ${observed}，而你选择的是 ${expected}。`,
          fix: `如果这不是有意的，把 p= 改为 ${expected.replace(/^p=/, '')}。`,
          guide,
        },
        {
          text: `The policy at ${name} is ${observed}, while you chose ${expected}.`,
          fix: `Unless this is on purpose, change p= to ${expected.replace(/^p=/, '')}.`,
          guide,
        },
      )(lang);
    }
    if (p['record'] === 'mx' && str(p, 'missing') !== '') {
      return bi(
        {
          text: `MX 只有 ${observed}，缺少 ${str(p, 'missing', 120)}。`,
          fix: `补全 MX 记录：${expected}，这样一台服务器不可用时邮件仍能送达。`,
          guide,
        },
        {
          text: `The MX set has only ${observed}; ${str(p, 'missing', 120)} is missing.`,
          fix: `Add the full MX set: ${expected}, so that mail still arrives when one server is unavailable.`,
          guide,
        },
      )(lang);
    }
    return bi(
      { text: `${name} 的${l}是 ${observed}，应为 ${expected}。`, fix: `把记录值改为 ${expected}。`, guide },
      {
        text: `The ${l} at ${name} is ${observed}; it should be ${expected}.`,
        fix: `Change the value to ${expected}.`,
        guide,
      },
    )(lang);
  },
  'multiple-spf': (p, lang) =>
    bi(
      {
        text: `${str(p, 'name')} 上有 ${num(p, 'count')} 条 SPF 记录。一个域名只能有一条，多条时收件方会判定 SPF 出错。`,
        fix: '把所有发信来源合并进一条记录（例如 v=spf1 include:甲 include:乙 -all），删除其余的。',
        guide: 'dns/spf',
      },
      {
        text: `${str(p, 'name')} has ${num(p, 'count')} SPF records. A domain may have only one; with several, receivers treat SPF as broken.`,
        fix: 'Merge every sender into one record (for example v=spf1 include:a include:b -all) and delete the others.',
        guide: 'dns/spf',
      },
    )(lang),
  'spf-lookup-limit': (p, lang) =>
    bi(
      {
        text: `SPF 检查需要 ${num(p, 'count')} 次 DNS 查询，超过了 ${num(p, 'limit') || 10} 次的上限，收件方会判定 SPF 出错。`,
        fix: '删除不再使用的 include，或把固定的发信服务器改写成 ip4:/ip6:，让查询次数不超过 10 次。',
        guide: 'dns/spf',
      },
      {
        text: `Checking this SPF record takes ${num(p, 'count')} DNS lookups, over the limit of ${num(p, 'limit') || 10}; receivers treat SPF as broken.`,
        fix: 'Remove includes that are no longer used, or replace fixed servers with ip4:/ip6: terms, to bring the count to 10 or fewer.',
        guide: 'dns/spf',
      },
    )(lang),
  'spf-void-limit': (p, lang) =>
    bi(
      {
        text: `SPF 中有 ${num(p, 'count')} 次查询没有结果（名称不存在或没有记录），超过了 ${num(p, 'limit') || 2} 次的上限。`,
        fix: '删除指向已不存在的域名或主机的 include、a、mx 项。',
        guide: 'dns/spf',
      },
      {
        text: `${num(p, 'count')} lookups in the SPF record find nothing (the name does not exist or has no record), over the limit of ${num(p, 'limit') || 2}.`,
        fix: 'Remove include, a and mx terms that point at names which no longer exist.',
        guide: 'dns/spf',
      },
    )(lang),
  'spf-mx-limit': (p, lang) =>
    bi(
      {
        text: `SPF 中的 mx 项指向 ${str(p, 'domain')}，它有 ${num(p, 'count')} 个邮件服务器，超过 10 个时部分收件方会判定出错。`,
        fix: '把这些服务器改写成 ip4:/ip6: 网段，或改用服务商提供的 include。',
        guide: 'dns/spf',
      },
      {
        text: `The mx term for ${str(p, 'domain')} names ${num(p, 'count')} mail hosts; over 10, some receivers treat SPF as broken.`,
        fix: "List those servers as ip4:/ip6: ranges instead, or use the provider's include.",
        guide: 'dns/spf',
      },
    )(lang),
  'spf-syntax': (p, lang) =>
    bi(
      {
        text: `${str(p, 'domain')} 的 SPF 记录在第 ${num(p, 'offset') + 1} 个字符处的“${str(p, 'term', 40)}”有误：${reason(SPF_REASON, p, 'zh')}。`,
        fix: '改正这一项；SPF 中一处写错，整条记录都会失效。',
        guide: 'dns/spf',
      },
      {
        text: `The SPF record of ${str(p, 'domain')} has an error at character ${num(p, 'offset') + 1}, “${str(p, 'term', 40)}”: ${reason(SPF_REASON, p, 'en')}.`,
        fix: 'Correct this term; one mistake makes the whole record fail.',
        guide: 'dns/spf',
      },
    )(lang),
  'spf-loop': (p, lang) =>
    bi(
      {
        text: `SPF 的 include 形成了循环：${str(p, 'path', 200)}。`,
        fix: `删除回到 ${str(p, 'domain')} 的那一项 include 或 redirect。`,
        guide: 'dns/spf',
      },
      {
        text: `The SPF includes go round in a loop: ${str(p, 'path', 200)}.`,
        fix: `Remove the include or redirect that leads back to ${str(p, 'domain')}.`,
        guide: 'dns/spf',
      },
    )(lang),
  'spf-include-missing': (p, lang) =>
    bi(
      {
        text: `SPF 记录中没有 include:${str(p, 'include')}，收件方无法确认企业邮箱发出的邮件来自你的域名。`,
        fix: `在 -all（或 ~all）前面加上 include:${str(p, 'include')}，保留其他已有的发信来源。`,
        guide: 'dns/spf',
      },
      {
        text: `The SPF record does not contain include:${str(p, 'include')}, so receivers cannot tell that mail sent from your mailboxes is allowed for your domain.`,
        fix: `Add include:${str(p, 'include')} before -all (or ~all), keeping the other senders already listed.`,
        guide: 'dns/spf',
      },
    )(lang),
  'spf-broken-include': (p, lang) => {
    const r = String(p['reason'] ?? '');
    const zhWhy = r === 'nxdomain' ? '这个域名不存在' : r === 'multiple' ? '它有多条 SPF 记录' : '它没有 SPF 记录';
    const enWhy =
      r === 'nxdomain'
        ? 'that name does not exist'
        : r === 'multiple'
          ? 'it has several SPF records'
          : 'it has no SPF record';
    return bi(
      {
        text: `${str(p, 'from')} 的 SPF 引用了 ${str(p, 'domain')}，但${zhWhy}，收件方会判定 SPF 出错。`,
        fix: `检查 ${str(p, 'domain')} 是否拼写正确；不再使用的话就删除这一项。`,
        guide: 'dns/spf',
      },
      {
        text: `The SPF record of ${str(p, 'from')} refers to ${str(p, 'domain')}, but ${enWhy}; receivers treat SPF as broken.`,
        fix: `Check the spelling of ${str(p, 'domain')}, or remove the term if it is no longer used.`,
        guide: 'dns/spf',
      },
    )(lang);
  },
  'foreign-mx': (p, lang) => {
    const prov = providerName(String(p['provider'] ?? ''), lang);
    return bi(
      {
        text: `这个域名的邮件仍然投递到 ${prov}（MX：${str(p, 'hosts', 120)}）。`,
        fix: '在 DNS 中删除这些 MX 记录，添加企业邮箱的 MX 记录。切换前先在新邮箱中建好账号，避免丢信。',
        guide: 'start/migrate',
      },
      {
        text: `This domain still receives mail at ${prov} (MX: ${str(p, 'hosts', 120)}).`,
        fix: 'Delete these MX records and add the MX records of your new mail service. Create the mailboxes there first so that no mail is lost.',
        guide: 'start/migrate',
      },
    )(lang);
  },
  'mixed-mx': (p, lang) => {
    const id = String(p['provider'] ?? '');
    const prov = id === '' ? (lang === 'zh' ? '其他服务器' : 'other servers') : providerName(id, lang);
    return bi(
      {
        text: `MX 记录中混有${prov}（${str(p, 'hosts', 120)}）。发件方会随机投递到其中任一台，部分邮件会送到别处。`,
        fix: `删除 ${str(p, 'hosts', 120)} 这些 MX 记录，只保留企业邮箱的。`,
        guide: 'dns/mx',
      },
      {
        text: `The MX records include ${prov} (${str(p, 'hosts', 120)}). Senders may deliver to any of them, so some mail goes elsewhere.`,
        fix: `Delete the MX records for ${str(p, 'hosts', 120)} and keep only those of your mail service.`,
        guide: 'dns/mx',
      },
    )(lang);
  },
  'cname-conflict': (p, lang) =>
    bi(
      {
        text: `${str(p, 'name')} 上有一条指向 ${str(p, 'target')} 的 CNAME。有 CNAME 的名称不能再有 MX、TXT 等其他记录，根域名也不能放 CNAME。`,
        fix: `删除 ${str(p, 'name')} 上的 CNAME（网站可以改用 A 记录或服务商的“CNAME 拉平”功能），再添加 MX 和 TXT 记录。`,
        guide: 'dns/cname',
      },
      {
        text: `${str(p, 'name')} has a CNAME to ${str(p, 'target')}. A name with a CNAME cannot also have MX, TXT or other records, and the domain itself cannot have a CNAME.`,
        fix: `Delete the CNAME at ${str(p, 'name')} (point the website with an A record or your DNS host's CNAME flattening instead), then add the MX and TXT records.`,
        guide: 'dns/cname',
      },
    )(lang),
  'wrong-name': (p, lang) => {
    const l = label(p, lang);
    return bi(
      {
        text: `${l}加在了 ${str(p, 'found', 120)}，而不是 ${str(p, 'expected', 120)}。`,
        fix: '把记录移到正确的名称：控制台的“主机记录”一栏只填前缀（根域名填 @），控制台会自动补上域名。',
        guide: 'dns/setup',
      },
      {
        text: `The ${l} is at ${str(p, 'found', 120)} instead of ${str(p, 'expected', 120)}.`,
        fix: 'Move it to the right name: in most consoles the Host field takes only the prefix (@ for the domain itself), and the console adds the domain.',
        guide: 'dns/setup',
      },
    )(lang);
  },
  nxdomain: (p, lang) => {
    const d = str(p, 'domain');
    const cn = /\.(?:cn|xn--fiqs8s|xn--fiqz9s)$/i.test(String(p['domain'] ?? ''));
    return bi(
      {
        text: `域名 ${d} 在 DNS 中不存在。`,
        fix: `检查拼写；在注册商处确认域名已注册、未过期、状态正常，且使用了正确的 DNS 服务器。${cn ? '.cn 域名需要完成实名认证后才能解析。' : ''}`,
        guide: 'troubleshooting/not-receiving',
      },
      {
        text: `The domain ${d} does not exist in DNS.`,
        fix: `Check the spelling; at the registrar, check that the domain is registered, not expired, in normal status, and uses the right name servers.${cn ? ' A .cn domain resolves only after its real-name verification is complete.' : ''}`,
        guide: 'troubleshooting/not-receiving',
      },
    )(lang);
  },
  'resolver-error': (p, lang) => {
    const what = `${str(p, 'name')} ${str(p, 'type')}`.trim();
    return bi(
      {
        text: `查询 ${what} 时解析服务器没有给出答复（${str(p, 'code')}），所以无法判断这条记录是否正确。这不代表记录不存在。`,
        fix: '稍后重试，或换一个解析服务器再查。如果一直失败，可能是域名的权威 DNS 服务器有问题。',
        guide: 'tools/propagation',
      },
      {
        text: `The resolver gave no answer for ${what} (${str(p, 'code')}), so this record could not be checked. This does not mean it is missing.`,
        fix: "Try again later or with another resolver. If it keeps failing, the domain's own DNS servers may have a problem.",
        guide: 'tools/propagation',
      },
    )(lang);
  },
  'weak-policy': (p, lang) => {
    if (p['record'] === 'dmarc') {
      return bi(
        {
          text: 'DMARC 策略是 p=none：收件方只发报告，不会拦截冒用你域名的邮件。',
          fix: '确认所有正常发信渠道都通过 SPF 或 DKIM 后，改为 p=quarantine 或 p=reject。',
          guide: 'dns/dmarc',
        },
        {
          text: 'The DMARC policy is p=none: receivers only send reports and do not stop mail that pretends to come from your domain.',
          fix: 'Once every legitimate sender passes SPF or DKIM, change it to p=quarantine or p=reject.',
          guide: 'dns/dmarc',
        },
      )(lang);
    }
    const q = String(p['qualifier'] ?? '');
    if (q === '+all') {
      return bi(
        {
          text: 'SPF 以 +all 结尾：允许任何服务器以你的域名发信，等于没有 SPF。',
          fix: '把 +all 改为 -all。',
          guide: 'dns/spf',
        },
        {
          text: 'The SPF record ends in +all: it allows any server to send as your domain, which is the same as having no SPF.',
          fix: 'Change +all to -all.',
          guide: 'dns/spf',
        },
      )(lang);
    }
    if (q === 'none') {
      return bi(
        {
          text: 'SPF 记录没有以 all 结尾，未列出的服务器发出的邮件不会被判定为失败。',
          fix: '在记录末尾加上 -all。',
          guide: 'dns/spf',
        },
        {
          text: 'The SPF record has no all at the end, so mail from servers not listed is not treated as failing.',
          fix: 'Add -all at the end of the record.',
          guide: 'dns/spf',
        },
      )(lang);
    }
    return bi(
      {
        text: `SPF 以 ${truncateForDisplay(q, 8)} 结尾：未列出的服务器发出的邮件只会被标记，不会被拒绝。`,
        fix: `确认所有发信来源都已列出后，把 ${truncateForDisplay(q, 8)} 改为 -all（阿里企业邮箱给出的记录就是 -all）。`,
        guide: 'dns/spf',
      },
      {
        text: `The SPF record ends in ${truncateForDisplay(q, 8)}: mail from servers not listed is only marked, not refused.`,
        fix: `Once every sender is listed, change ${truncateForDisplay(q, 8)} to -all (the value Alibaba Mail publishes).`,
        guide: 'dns/spf',
      },
    )(lang);
  },
  'dmarc-syntax': (p, lang) => {
    const tag = str(p, 'tag', 20);
    const value = str(p, 'value', 60);
    const at = tag ? `${tag}=${value}` : value;
    return bi(
      {
        text: `${str(p, 'name')} 的 DMARC 记录有误${at ? `（${at}）` : ''}：${reason(DMARC_REASON, p, 'zh')}。`,
        fix: '按 v=DMARC1; p=quarantine; rua=mailto:地址 的格式重写这条记录。',
        guide: 'dns/dmarc',
      },
      {
        text: `The DMARC record at ${str(p, 'name')} has an error${at ? ` (${at})` : ''}: ${reason(DMARC_REASON, p, 'en')}.`,
        fix: 'Rewrite it in the form v=DMARC1; p=quarantine; rua=mailto:address.',
        guide: 'dns/dmarc',
      },
    )(lang);
  },
  'dkim-syntax': (p, lang) =>
    bi(
      {
        text: `${str(p, 'name')} 的 DKIM 记录有误：${reason(DKIM_REASON, p, 'zh')}。`,
        fix: '从邮箱管理后台重新复制完整的 DKIM 记录值（不要漏掉或多出字符），覆盖现有记录。',
        guide: 'dns/dkim',
      },
      {
        text: `The DKIM record at ${str(p, 'name')} has an error: ${reason(DKIM_REASON, p, 'en')}.`,
        fix: 'Copy the whole DKIM value again from the mail admin console (no characters missing or added) and replace the record.',
        guide: 'dns/dkim',
      },
    )(lang),
  'dkim-weak-key': (p, lang) =>
    bi(
      {
        text: `DKIM 公钥只有 ${num(p, 'bits')} 位。${num(p, 'bits') < 1024 ? '低于 1024 位的密钥会被大多数收件方忽略。' : '1024 位仍可使用，但 2048 位更安全。'}`,
        fix: '如果管理后台可以选择密钥长度，重新生成 2048 位的密钥，并更新 DNS 记录。',
        guide: 'dns/dkim',
      },
      {
        text: `The DKIM key is only ${num(p, 'bits')} bits. ${num(p, 'bits') < 1024 ? 'Most receivers ignore keys under 1024 bits.' : '1024 bits still works, but 2048 bits is safer.'}`,
        fix: 'If the admin console lets you choose the key length, generate a 2048-bit key and update the DNS record.',
        guide: 'dns/dkim',
      },
    )(lang),
  'dkim-key-mismatch': (p, lang) =>
    bi(
      {
        text: `DNS 中的 DKIM 公钥（${str(p, 'observed')}）与你从管理后台粘贴的（${str(p, 'expected')}）不同，签名将无法通过验证。`,
        fix: '用管理后台当前显示的值替换 DNS 中的记录；如果后台重新生成过密钥，旧值就作废了。',
        guide: 'dns/dkim',
      },
      {
        text: `The DKIM key in DNS (${str(p, 'observed')}) differs from the one you pasted from the admin console (${str(p, 'expected')}), so signatures will not verify.`,
        fix: 'Replace the DNS record with the value the console shows now; regenerating the key in the console makes the old value useless.',
        guide: 'dns/dkim',
      },
    )(lang),
  ttl: (p, lang) => {
    const d = formatDuration(num(p, 'seconds'), lang);
    return p['kind'] === 'negative'
      ? bi(
          {
            text: `最近查询过的解析服务器可能在 ${d} 内仍记得“没有这条记录”。`,
            fix: `修改后最多等 ${d} 再检查。`,
            guide: 'start/overview',
          },
          {
            text: `Resolvers that asked recently may remember “no such record” for up to ${d}.`,
            fix: `After the change, allow up to ${d} before checking again.`,
            guide: 'start/overview',
          },
        )(lang)
      : bi(
          {
            text: `这条记录的 TTL 是 ${d}：修改后，解析服务器最多在 ${d} 内仍返回旧值。`,
            fix: `修改后最多等 ${d} 再检查。`,
            guide: 'start/overview',
          },
          {
            text: `This record's TTL is ${d}: after a change, resolvers may return the old value for up to ${d}.`,
            fix: `After the change, allow up to ${d} before checking again.`,
            guide: 'start/overview',
          },
        )(lang);
  },
};

/** Plain, specific text for a finding, in the page language. */
export function describeFinding(f: Finding, lang: Lang): FindingText {
  const build = BUILDERS[f.code];
  const l: Lang = lang === 'en' ? 'en' : 'zh';
  if (!build) return { text: String(f.code), fix: '', guide: 'dns/setup' };
  return build(f.params, l);
}
