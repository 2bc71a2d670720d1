/**
 * 简体中文：检查结果、记录名称、解析错误原因和域名输入错误。
 * 与 ./en.ts 一一对应（类型见 ./types.ts）。
 */
import { providerName } from '../providers/index';
import { durationParts, hostList, isChineseTld, short } from './format';
import { weakerPolicy } from '../records/dmarc';
import type { Messages } from './types';

const UNIT = { second: '秒', minute: '分钟', hour: '小时', day: '天' } as const;
const duration = (seconds: number): string => {
  const { n, unit } = durationParts(seconds);
  return `${n} ${UNIT[unit]}`;
};

const records: Messages['records'] = {
  mx: 'MX 记录',
  spf: 'SPF 记录',
  dkim: 'DKIM 记录',
  dmarc: 'DMARC 记录',
  mail: 'mail CNAME 记录',
  imap: 'imap CNAME 记录',
  smtp: 'smtp CNAME 记录',
  pop3: 'pop3 CNAME 记录',
};

const spfReasons: Messages['spfReasons'] = {
  'no-version': '记录必须以 v=spf1 开头，后面跟空格',
  'unknown-mechanism': '不认识的机制（常见于拼写错误，如 inlcude、ipv4）',
  'missing-argument': '缺少冒号后的域名或地址',
  'unexpected-argument': '这个机制后面不能带参数',
  'invalid-domain': '域名格式不对',
  'invalid-macro': '宏（%{…}）写法不对',
  'invalid-ip4': 'IPv4 地址不对',
  'invalid-ip6': 'IPv6 地址不对',
  'invalid-cidr': '网段长度（/ 后的数字）超出范围',
  'invalid-modifier': '修饰符写法不对',
  'duplicate-modifier': 'redirect 或 exp 只能出现一次',
};

const dmarcReasons: Messages['dmarcReasons'] = {
  'no-version': '记录必须以 v=DMARC1 开头，且要一字不差（DMARC1 为大写）',
  'invalid-policy': '策略只能是 none、quarantine 或 reject',
  'invalid-testing': 't 只能是 y（测试）或 n',
  'invalid-psd': 'psd 只能是 y、n 或 u',
  'invalid-alignment': 'adkim/aspf 只能是 r 或 s',
  'invalid-fo': 'fo 只能是 0 或 1（二选一）以及 d、s，用冒号分隔，每项只写一次',
  'invalid-uri': '报告地址应写成 mailto:地址',
  'duplicate-tag': '同一个标签出现了两次，整条记录因此无效',
  'malformed-tag': '有一段不是“标签=值”的形式',
  multiple: '同一名称下有多条 DMARC 记录，收件方会全部忽略',
};

const dkimReasons: Messages['dkimReasons'] = {
  'bad-version': 'v= 必须是 DKIM1 且放在最前面',
  'missing-key': '缺少 p= 公钥',
  revoked: 'p= 为空，表示密钥已作废',
  'invalid-base64': '公钥不是有效的 Base64（可能复制时多了或少了字符）',
  'invalid-key': '公钥内容不完整或已损坏',
  'unknown-key-type': 'k= 只能是 rsa 或 ed25519',
  'invalid-hash': 'h= 中没有可用的哈希算法（应为 sha256；sha1 已不再被接受）',
  'invalid-service': 's= 中既没有 email 也没有 *，这个密钥不能用于邮件',
  'ed25519-length': 'Ed25519 公钥必须正好是 32 字节（RFC 8463）',
  'ed25519-spki': 'Ed25519 公钥写成了 SubjectPublicKeyInfo 格式；RFC 8463 要求只写 32 字节的原始公钥，很多收件方会拒绝这种写法',
  'duplicate-tag': '同一个标签出现了两次',
  'malformed-tag': '有一段不是“标签=值”的形式',
  multiple: '同一选择器下有多条 DKIM 记录',
  'not-dkim': '这个名称下有 TXT 记录，但内容不是 DKIM 公钥',
};

/** `_dmarc.` 名称对应的邮件域名。 */
const mailDomain = (name: string): string => short(name.replace(/^_dmarc\./, ''));

/** DMARC 语法错误的后果：p、sp、np 写错时见 RFC 9989 §4.10.1，其他标签见 §4.8。 */
const dmarcEffect = (p: { readonly reason: string; readonly effect?: 'p-none' | 'no-processing' }): string => {
  if (p.effect === 'p-none') return '因此收件方会把整条记录当作 p=none 处理。';
  if (p.effect === 'no-processing') return '因此，加上记录里没有有效的 rua= 地址，收件方会忽略这条记录：域名没有任何 DMARC 保护。';
  if (p.reason === 'duplicate-tag' || p.reason === 'no-version') return '';
  return '收件方会忽略这一项，按默认值处理。';
};

/** 每个已删除标签原来的作用，以及现在要知道的（RFC 9989 附录 C.5.2、A.6）。 */
const REMOVED: Record<'pct' | 'rf' | 'ri', { readonly what: string; readonly note: string; readonly fix: (value: string) => string }> = {
  pct: {
    what: '策略只对一定比例的未通过邮件执行',
    note: '按百分比逐步执行的做法已经没有了。',
    fix: (v) => `删除 pct=${v}。想先发布策略但暂不执行，用 t=y 代替 pct=0；否则边看报告边逐级收紧：p=none → p=quarantine → p=reject。`,
  },
  rf: { what: '失败报告的格式', note: '失败报告现在只有一种格式（RFC 9991）。', fix: (v) => `删除 rf=${v}。` },
  ri: { what: '汇总报告的发送间隔', note: '', fix: (v) => `删除 ri=${v}。` },
};

export const zh: Messages = {
  lang: 'zh',
  records,
  spfReasons,
  spfBroken: { nxdomain: '这个域名不存在', multiple: '它有多条 SPF 记录', 'no-record': '它没有 SPF 记录' },
  dmarcReasons,
  dkimReasons,
  duration,
  findings: {
    missing: (f) => {
      const { expected, optional } = f.params;
      const name = short(f.name);
      if (f.record === 'dkim') {
        return {
          text: `${name} 上没有找到 DKIM 记录。`,
          fix: '在邮箱管理后台开启 DKIM，复制后台给出的记录值，添加为该名称下的 TXT 记录。',
        };
      }
      const value = short(expected, 120);
      if (optional) {
        return {
          text: `${name} 上没有${records[f.record]}（可选）。`,
          fix: `如果希望客户端使用自己域名的服务器地址，添加 CNAME 指向 ${value}；不添加也可以直接填写 ${value}。`,
        };
      }
      return { text: `${name} 上没有找到${records[f.record]}。`, fix: `添加这条记录${value ? `，值为 ${value}` : ''}。` };
    },
    'wrong-value': (f) => {
      const p = f.params;
      const name = short(f.name);
      const observed = short(p.observed, 120);
      const expected = short(p.expected, 120);
      switch (p.kind) {
        case 'address':
          return {
            text: `${name} 返回的是 IP 地址（${observed}），不是指向 ${expected} 的 CNAME。`,
            fix: `删除这个名称下的 A 记录，改为 CNAME 记录，值为 ${expected}。如果 DNS 在 Cloudflare，把这条记录设为“仅 DNS”（灰色云朵）。`,
          };
        case 'dmarc-policy': {
          const scope = p.scope === 'sp' ? '对已存在的子域名，' : p.scope === 'np' ? '对不存在的子域名，' : '';
          return {
            text: `${scope}${name} 的策略是 ${observed}，而你选择的是 ${expected}。`,
            fix: p.scope ? `如果这不是有意的，在记录里写上 ${expected}。` : `如果这不是有意的，把 p= 改为 ${expected.replace(/^p=/, '')}。`,
          };
        }
        case 'mx-partial':
          return {
            text: `MX 只有 ${observed}，缺少 ${short(p.missing, 120)}。`,
            fix: `补全 MX 记录：${expected}，这样一台服务器不可用时邮件仍能送达。`,
          };
        case 'cname':
        case 'value':
          return { text: `${name} 的${records[f.record]}是 ${observed}，应为 ${expected}。`, fix: `把记录值改为 ${expected}。` };
      }
    },
    'multiple-spf': (f) => ({
      text: `${short(f.name)} 上有 ${f.params.count} 条 SPF 记录。一个域名只能有一条，多条时收件方会判定 SPF 出错。`,
      fix: '把所有发信来源合并进一条记录（例如 v=spf1 include:甲 include:乙 -all），删除其余的。',
    }),
    'spf-lookup-limit': (f) => ({
      text: `SPF 检查需要 ${f.params.count} 次 DNS 查询，超过了 ${f.params.limit} 次的上限，收件方会判定 SPF 出错。`,
      fix: '删除不再使用的 include，或把固定的发信服务器改写成 ip4:/ip6:，让查询次数不超过 10 次。',
    }),
    'spf-void-limit': (f) => ({
      text: `SPF 中有 ${f.params.count} 次查询没有结果（名称不存在或没有记录），超过了 ${f.params.limit} 次的上限。`,
      fix: '删除指向已不存在的域名或主机的 include、a、mx 项。',
    }),
    'spf-mx-limit': (f) => ({
      text: `SPF 中的 mx 项指向 ${short(f.params.domain)}，它有 ${f.params.count} 个邮件服务器，超过 10 个时部分收件方会判定出错。`,
      fix: '把这些服务器改写成 ip4:/ip6: 网段，或改用服务商提供的 include。',
    }),
    'spf-syntax': (f) => ({
      text: `${short(f.params.domain)} 的 SPF 记录在第 ${f.params.offset + 1} 个字符处的“${short(f.params.term, 40)}”有误：${spfReasons[f.params.reason]}。`,
      fix: '改正这一项；SPF 中一处写错，整条记录都会失效。',
    }),
    'spf-loop': (f) => ({
      text: `SPF 的 include 形成了循环：${short(f.params.path.join(' → '), 200)}。`,
      fix: `删除回到 ${short(f.params.domain)} 的那一项 include 或 redirect。`,
    }),
    'spf-include-missing': (f) => ({
      text: `SPF 记录中没有 include:${short(f.params.include)}，收件方无法确认企业邮箱发出的邮件来自你的域名。`,
      fix: `在 -all（或 ~all）前面加上 include:${short(f.params.include)}，保留其他已有的发信来源。`,
    }),
    'spf-broken-include': (f) => ({
      text: `${short(f.params.from)} 的 SPF 引用了 ${short(f.params.domain)}，但${zh.spfBroken[f.params.reason]}，收件方会判定 SPF 出错。`,
      fix: `检查 ${short(f.params.domain)} 是否拼写正确；不再使用的话就删除这一项。`,
    }),
    'foreign-mx': (f) => ({
      text: `这个域名的邮件仍然投递到 ${providerName(f.params.provider, 'zh')}（MX：${hostList(f.params.hosts)}）。`,
      fix: '在 DNS 中删除这些 MX 记录，添加企业邮箱的 MX 记录。切换前先在新邮箱中建好账号，避免丢信。',
    }),
    'mixed-mx': (f) => {
      const hosts = hostList(f.params.hosts);
      return {
        text: `MX 记录中混有${f.params.provider === undefined ? '其他服务器' : providerName(f.params.provider, 'zh')}（${hosts}）。发件方会随机投递到其中任一台，部分邮件会送到别处。`,
        fix: `删除 ${hosts} 这些 MX 记录，只保留企业邮箱的。`,
      };
    },
    'cname-conflict': (f) => ({
      text: `${short(f.name)} 上有一条指向 ${short(f.params.target)} 的 CNAME。有 CNAME 的名称不能再有 MX、TXT 等其他记录，根域名也不能放 CNAME。`,
      fix: `删除 ${short(f.name)} 上的 CNAME（网站可以改用 A 记录或服务商的“CNAME 拉平”功能），再添加 MX 和 TXT 记录。`,
    }),
    'wrong-name': (f) => ({
      text: `${records[f.record]}加在了 ${short(f.params.found, 120)}，而不是 ${short(f.params.expected, 120)}。`,
      fix: '把记录移到正确的名称：控制台的“主机记录”一栏只填前缀（根域名填 @），控制台会自动补上域名。',
    }),
    nxdomain: (f) => ({
      text: `域名 ${short(f.params.domain)} 在 DNS 中不存在。`,
      fix: `检查拼写；在注册商处确认域名已注册、未过期、状态正常，且使用了正确的 DNS 服务器。${isChineseTld(f.params.domain) ? '.cn 域名需要完成实名认证后才能解析。' : ''}`,
    }),
    'resolver-error': (f) => ({
      text: `查询 ${short(`${f.params.name} ${f.params.type}`)} 时解析服务器没有给出答复（${short(f.params.code)}），所以无法判断这条记录是否正确。这不代表记录不存在。`,
      fix: '稍后重试，或换一个解析服务器再查。如果一直失败，可能是域名的权威 DNS 服务器有问题。',
    }),
    'weak-policy': (f) => {
      const p = f.params;
      if ('dmarc' in p) {
        if (p.noPolicy === 'with-rua') {
          return {
            text: 'DMARC 记录里没有 p= 策略：收件方按 p=none 处理（RFC 9989），只发报告，不会拦截冒用你域名的邮件。',
            fix: '在 v=DMARC1 后面加上策略，例如 v=DMARC1; p=quarantine; rua=…',
          };
        }
        if (p.noPolicy === 'without-rua') {
          return {
            text: 'DMARC 记录里既没有 p= 策略，也没有有效的 rua= 报告地址：收件方对你的域名完全不做 DMARC 处理（RFC 9989），和没有这条记录一样，连 p=none 都不算。',
            fix: '在 v=DMARC1 后面加上策略和报告地址，例如 v=DMARC1; p=quarantine; rua=mailto:dmarc@你的域名。',
          };
        }
        return {
          text: 'DMARC 策略是 p=none：收件方只发报告，不会拦截冒用你域名的邮件。',
          fix: '确认所有正常发信渠道都通过 SPF 或 DKIM 后，改为 p=quarantine 或 p=reject。',
        };
      }
      switch (p.spf) {
        case '+all':
          return { text: 'SPF 以 +all 结尾：允许任何服务器以你的域名发信，等于没有 SPF。', fix: '把 +all 改为 -all。' };
        case 'none':
          return { text: 'SPF 记录没有以 all 结尾，未列出的服务器发出的邮件不会被判定为失败。', fix: '在记录末尾加上 -all。' };
        default:
          return {
            text: `SPF 以 ${p.spf} 结尾：未列出的服务器发出的邮件只会被标记，不会被拒绝。`,
            fix: `确认所有发信来源都已列出后，把 ${p.spf} 改为 -all（阿里企业邮箱给出的记录就是 -all）。`,
          };
      }
    },
    'dmarc-syntax': (f) => {
      const p = f.params;
      const at = 'tag' in p && p.tag ? `${short(p.tag, 20)}=${short(p.value, 60)}` : 'value' in p ? short(p.value, 60) : '';
      return {
        text: `${short(f.name)} 的 DMARC 记录有误${at ? `（${at}）` : ''}：${dmarcReasons[p.reason]}。${p.reason === 'multiple' ? '' : dmarcEffect(p)}`,
        fix: '按 v=DMARC1; p=quarantine; rua=mailto:地址 的格式重写这条记录。',
      };
    },
    'dmarc-removed-tag': (f) => {
      const { tag, value } = f.params;
      const r = REMOVED[tag];
      return {
        text: `DMARC 记录里还有 ${tag}=${short(value, 40)}。RFC 9989 已删除 ${tag}（${r.what}），收件方会忽略它。${r.note}`,
        fix: r.fix(short(value, 40)),
      };
    },
    'dmarc-testing': (f) => {
      const { policy, applied, chosen } = f.params;
      if (policy === 'none') {
        return { text: 'DMARC 记录里写了 t=y（测试），但策略是 none 时 t=y 不起作用。', fix: '可以删掉 t=y，或留到改为 quarantine 时再用。' };
      }
      return {
        text: `DMARC 记录里写了 t=y（测试）：${policy} 策略没有按写的执行，收件方对未通过的邮件改按 ${applied} 处理${chosen ? '（这是你选择的）' : ''}。`,
        fix: '报告显示所有正常发信渠道都能通过后，删除 t=y，让策略生效。',
      };
    },
    'dmarc-unknown-tag': (f) => ({
      text: `DMARC 记录里有 DMARC 未定义的标签（${short(f.params.tags.join('; '), 100)}），收件方会忽略它们。`,
      fix: '检查是不是拼写错误（例如 pc=、rfu=）；不是的话可以删掉。',
    }),
    'dmarc-report-size': (f) => ({
      text: `报告地址 ${short(f.params.uri, 100)} 末尾带有大小限制（!…），这是旧写法，发送报告的一方现在会忽略它。`,
      fix: '去掉地址后面的 ! 和大小。',
    }),
    'dmarc-covered': (f) => {
      const { found, source, tag, policy, chosen } = f.params;
      const domain = mailDomain(f.name);
      const where = source === 'psd' ? `公共后缀的记录 ${short(found)}（psd=y）` : `组织域名的记录 ${short(found)} `;
      if (policy === undefined) {
        return {
          text: `${domain} 没有自己的 DMARC 记录，而${where}既没有有效的 p= 也没有 rua= 地址，所以收件方对 ${domain} 不做 DMARC 处理。`,
          fix: `在 ${short(f.name)} 添加记录，例如 v=DMARC1; p=${chosen}。`,
        };
      }
      const applies = tag === 'np' ? `对它适用 np=${policy}（它不存在）` : tag === 'sp' ? `对它适用 sp=${policy}` : `对它适用 p=${policy}（该记录没有 sp=）`;
      if (weakerPolicy(policy, chosen)) {
        return {
          text: `${domain} 没有自己的 DMARC 记录，由${where}覆盖，${applies}，比你选择的 ${chosen} 弱。`,
          fix: `在 ${short(f.name)} 添加 p=${chosen} 的记录，或在 ${short(found)} 的记录里写上 sp=${chosen}。`,
        };
      }
      return {
        text: `${domain} 没有自己的 DMARC 记录，由${where}覆盖，${applies}。`,
        fix: `无需修改。只有 ${domain} 需要单独的策略时，才在 ${short(f.name)} 添加记录。`,
      };
    },
    'dkim-syntax': (f) => ({
      text: `${short(f.name)} 的 DKIM 记录有误：${dkimReasons[f.params.reason]}。`,
      fix: '从邮箱管理后台重新复制完整的 DKIM 记录值（不要漏掉或多出字符），覆盖现有记录。',
    }),
    'dkim-revoked': (f) => ({
      text: `${short(f.name)} 的 DKIM 公钥已作废：p= 为空。用选择器 ${short(f.params.selector, 40)} 签名的邮件，收件方都会判定 DKIM 失败。`,
      fix: '如果邮件仍用这个选择器签名，从邮箱管理后台复制当前的记录值（必要时在后台重新开启 DKIM）替换这条记录；如果是有意停用这个选择器，确认邮件已改用其他选择器签名。',
    }),
    'dkim-testing': (f) => ({
      text: `选择器 ${short(f.params.selector, 40)} 的 DKIM 公钥写了 t=y：表示域名在测试 DKIM，收件方会宽松对待签名失败，把它当作未签名的邮件。`,
      fix: '签名正常后，从记录里删除 t=y。',
    }),
    'dkim-weak-key': (f) => ({
      text: `DKIM 公钥只有 ${f.params.bits} 位。${f.params.bits < 1024 ? '低于 1024 位的密钥会被大多数收件方忽略。' : '1024 位仍可使用，但 2048 位更安全。'}`,
      fix: '如果管理后台可以选择密钥长度，重新生成 2048 位的密钥，并更新 DNS 记录。',
    }),
    'dkim-key-mismatch': (f) => ({
      text: `DNS 中的 DKIM 公钥（${short(f.params.observed)}）与你从管理后台粘贴的（${short(f.params.expected)}）不同，签名将无法通过验证。`,
      fix: '用管理后台当前显示的值替换 DNS 中的记录；如果后台重新生成过密钥，旧值就作废了。',
    }),
    ttl: (f) => {
      const d = duration(f.params.seconds);
      return f.params.negative
        ? { text: `最近查询过的解析服务器可能在 ${d} 内仍记得“没有这条记录”。`, fix: `修改后最多等 ${d} 再检查。` }
        : { text: `这条记录的 TTL 是 ${d}：修改后，解析服务器最多在 ${d} 内仍返回旧值。`, fix: `修改后最多等 ${d} 再检查。` };
    },
  },
  hostPitfalls: {
    aliyun: [
      '主机记录只填前缀（如 mail、_dmarc），根域名填 @；控制台会自动补上域名，填完整域名会变成 _dmarc.example.com.example.com。',
      '解析线路选“默认”。只设了“境内”等线路时，境外的解析器查不到这条记录。',
      '默认 TTL 为 600 秒：修改后最多约 10 分钟各地才能看到新值。',
    ],
    dnspod: [
      '主机记录只填前缀，根域名填 @，不要填写完整域名。',
      '线路类型选“默认”。只有“境内”线路的记录，境外用户查不到。',
      '如果之前用的是腾讯企业邮，删除旧的 MX（mxbiz1/mxbiz2.qq.com）和旧的 SPF，不要与新记录并存。',
    ],
    cloudflare: [
      'mail、imap、smtp、pop3 这些 CNAME 必须设为“仅 DNS”（灰色云朵），不能开启代理（橙色云朵）：代理只转发网页流量，邮件客户端会连不上。',
      'Cloudflare 会把根域名（@）上的 CNAME “拉平”（CNAME flattening），对外显示为 A 记录；但根域名还要放 MX 和 TXT 记录，按 DNS 规则根域名不应放 CNAME。',
      '名称栏填前缀或 @；Cloudflare 会显示完整名称，这是正常的。',
    ],
    godaddy: [
      '“名称”栏填前缀，根域名填 @；GoDaddy 会自动补上域名。',
      '如果开启了 GoDaddy 自带的邮箱或转发，它可能自动加回自己的 MX 记录，添加新记录后要删除它们。',
    ],
    other: [
      '这里给出的是带结尾点的完整名称（如 mail.example.com.）。如果你的控制台会自动补上域名，只填前缀，根域名填 @ 或留空。',
      '同一个名称上不能既有 CNAME 又有其他记录；根域名上不能放 CNAME。',
    ],
  },
  domainErrors: {
    empty: () => '请输入域名，例如 example.com。',
    'ip-address': (v, d) => `“${d || v}”是 IP 地址，不是域名。请输入邮箱所用的域名，例如 example.com。`,
    'label-too-long': (_v, d) => `“${d}”这一段超过 63 个字符（转换为 ASCII 后），域名中每一段最多 63 个字符。`,
    'name-too-long': (v) => `“${v}”太长：域名最多 253 个字符。`,
    'invalid-character': (v, d) => `“${v}”含有域名中不能使用的字符${d ? `（${d}）` : ''}。域名只能包含字母、数字、连字符和点。`,
    'single-label': (_v, d) => `“${d}”缺少后缀。请输入完整域名，例如 ${d || 'example'}.com。`,
    'empty-label': (v) => `“${v}”中有连续的点或以点开头，请检查拼写。`,
  },
};
