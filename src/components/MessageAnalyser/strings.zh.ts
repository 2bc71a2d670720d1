/**
 * 邮件分析工具的中文文字（形状见 ./strings.ts，按核心的代码逐一列出）。
 * 只说我们确实检查了什么；来自邮件的文字一律当作纯文本显示。
 */
import type { MessageWords } from './strings';

const policyZh = { none: '不处理（p=none）', quarantine: '放入垃圾箱（p=quarantine）', reject: '拒收（p=reject）' } as const;

function sizeZh(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function durationZh(seconds: number): string {
  const s = Math.abs(seconds);
  const sign = seconds < 0 ? '−' : '';
  if (s < 60) return `${sign}${s} 秒`;
  if (s < 3600) return `${sign}${Math.floor(s / 60)} 分 ${s % 60} 秒`;
  if (s < 86400) return `${sign}${Math.floor(s / 3600)} 小时 ${Math.floor((s % 3600) / 60)} 分`;
  return `${sign}${Math.floor(s / 86400)} 天 ${Math.floor((s % 86400) / 3600)} 小时`;
}

export const MESSAGE_STRINGS_ZH: MessageWords = {
  lang: 'zh',
  title: '邮件分析',

  form: {
    textLabel: '邮件原文或退信',
    textHint: '粘贴整封邮件的原文（从第一行邮件头开始，包括 Received、Authentication-Results、DKIM-Signature 等），或整封退信。只有邮件头也可以分析。',
    fileLabel: '或选择邮件文件',
    fileHint: '.eml 或 .txt 文件。文件在本机读取，不会上传。',
    fileChosen: (name, size) => `正在分析文件：${name}（${size}）`,
    clearFile: '不用这个文件',
    options: '更多选项：发信 IP、解析服务器',
    ipLabel: '发信服务器的 IP（可选）',
    ipHint: '默认从收件方的 Received 邮件头读取。已知实际发信 IP 时填在这里，SPF 按它检查。',
    ipInvalid: (v) => `“${v}”不是 IPv4 或 IPv6 地址，SPF 仍按邮件头里的 IP 检查。`,
    analyse: '分析',
    analysing: '正在分析…',
    privacy: '邮件内容只在你的浏览器里分析，不会发送到任何服务器；发出去的只有对解析服务器的 DNS 查询（DKIM 公钥、SPF、DMARC 记录）。',
    size: sizeZh,
  },

  verdict: {
    label: '分析结论',
    texts: {
      'input-error': () => '无法分析：没有找到邮件头。请粘贴完整的邮件原文（从第一行邮件头开始），或选择 .eml 文件。',
      bounce: (f) =>
        f.temporary
          ? `这是一封延迟通知：发给 ${f.recipient ?? '收件人'} 的邮件暂时没有送达${f.status ? `（${f.status}）` : ''}，发信服务器还会重试。${f.title ? `${f.title}。` : ''}`
          : `这是一封退信：发给 ${f.recipient ?? '收件人'} 的邮件没有送达${f.status ? `（${f.status}）` : ''}${f.remote ? `，拒收的是 ${f.remote}` : ''}。${f.title ? `${f.title}。` : ''}`,
      pending: () => '正在检查 DKIM、SPF 和 DMARC…',
      'dmarc-pass': (f) => `通过：这封邮件以发件人域名 ${f.from ?? ''} 的名义通过了 DMARC（SPF 或 DKIM 以与它对齐的域名通过）。`,
      'dmarc-fail': (f) =>
        `没有通过 DMARC：SPF 和 DKIM 都没有以与发件人域名 ${f.from ?? ''} 对齐的域名通过。` +
        (f.testing ? `该域名的记录处于测试模式（t=y），收件方按低一级的策略处理${f.stated ? `（${f.stated} 降为 ${f.policy ?? 'none'}）` : ''}：` : '') +
        (f.policy === 'reject'
          ? `${f.testing ? '' : '按该域名的策略，'}收件方应当拒收这样的邮件。`
          : f.policy === 'quarantine'
            ? `${f.testing ? '' : '按该域名的策略，'}收件方会把这样的邮件放进垃圾箱。`
            : `${f.testing ? '不做处理' : '该域名的策略是 p=none'}，收件方仍可能投递，但容易被当作垃圾邮件。`) +
        '下面“现在检查”一节说明该修改什么。',
      'no-dmarc': (f) => `${f.from ?? '发件人域名'} 没有 DMARC 记录：收件方不按 DMARC 处理这封邮件，只看 SPF 和 DKIM。Gmail、Yahoo 和 Outlook.com 要求每天向它们发信约 5000 封以上的域名发布 DMARC。`,
      authenticated: (f) =>
        `SPF 或 DKIM 通过了；${
          f.dmarcProblem === 'no-from'
            ? 'DMARC 无法检查：找不到发件人（From）地址。'
            : f.dmarcProblem === 'multiple-from'
              ? 'DMARC 无法检查：From 里有不止一个域名。'
              : f.dmarcProblem === 'permerror'
                ? 'DMARC 无法评估：发件人域名的 DMARC 记录不可用。'
                : 'DMARC 没有检查。'
        }`,
      unauthenticated: () => 'SPF 和 DKIM 都没有通过：收件方很可能把这封邮件当作伪造邮件或垃圾邮件。',
      'dns-error': () => '解析服务器没有答复，部分结果无法确定。请稍后再分析一次，或换一个解析服务器。',
      'browser-cannot-verify': () => '这个浏览器不能验证 Ed25519 签名，可能决定结果的签名在这里无法检查。请换用最新版本的浏览器再试；收件方记录的结果见下面。',
    },
    failed: '分析没有完成：浏览器中出现了意外错误。请刷新页面后重试。',
    checkDomain: (d) => `检查 ${d} 的全部 DNS 记录`,
  },

  sections: {
    input: '无法使用的输入',
    bounce: '退信',
    receiver: '收件方当时的判断',
    verify: '现在检查（在你的浏览器里）',
    hops: '投递路径',
    headers: '邮件头',
  },

  results: {
    pass: '通过',
    fail: '未通过',
    softfail: '软失败',
    neutral: '未定',
    none: '无',
    policy: '按策略未采信',
    temperror: '临时错误',
    permerror: '永久错误',
    pending: '检查中…',
  },
  methods: { spf: 'SPF', dkim: 'DKIM', dmarc: 'DMARC', arc: 'ARC' },

  inputErrors: {
    empty: () => '没有内容：请粘贴邮件原文或选择文件。',
    binary: () => '这看起来不是文本邮件，而是二进制文件（例如图片、压缩包或 .msg 文件）。请在邮件客户端里把邮件另存为 .eml，或复制邮件原文。',
    'too-large': () => '内容超过 10 MB：只读取了邮件头，正文没有读取，所以 DKIM 的正文哈希无法检查。',
    'no-headers': () => '开头没有“名称: 值”形式的邮件头。请从邮件原文的第一行开始复制（通常是 Received: 或 Return-Path:）。',
    'too-many-headers': () => '邮件头超过 500 个：后面的没有读取。',
    'field-too-long': (d) => `邮件头 ${d ?? ''} 超过 64 KB，已截断。`,
    'malformed-header-line': (_d, line) => `第 ${line ?? '?'} 行既不是邮件头，也不是上一行的续行，已跳过。`,
    'bad-encoded-word': (d) => `有一段编码文字（RFC 2047）无法解码${d ? `（${d}）` : ''}，按原样显示。`,
    'mime-limit': () => '邮件的 MIME 分段太多或嵌套太深：超出部分没有读取。',
    'mime-malformed': (d) => `MIME 结构不完整${d ? `（${d}）` : ''}：部分内容可能没有读取。`,
  },

  bounce: {
    recipient: '收件人',
    status: '状态码',
    reply: 'SMTP 回复码',
    remote: '拒收的服务器',
    reportingMta: '报告的服务器',
    diagnostic: '对方服务器的原话',
    action: '结果',
    cause: '可能的原因',
    todo: '怎么办',
    codeMeaning: '代码的含义',
    providerSource: '服务商的说明',
    returned: '被退回的邮件',
    returnedDkim: '被退回邮件的 DKIM 签名（按现在的公钥检查）',
    kindText: '这封退信没有机器可读的投递状态部分，以上内容是从退信文字里读出的。',
    none: '没有找到失败的收件人。',
  },

  receiver: {
    intro: '收件方服务器写在 Authentication-Results 邮件头里的结果。这是它收信当时的判断；这些邮件头任何经手的服务器都能写，所以要看是谁写的。',
    by: (id) => `由 ${id} 记录`,
    unnamed: '记录者未注明',
    none: '邮件里没有 Authentication-Results 或 ARC-Authentication-Results 邮件头（只有收件方才会加上它们；转发或复制时可能丢失）。',
    other: '其他检查',
    allFields: (n) => `全部 ${n} 个 Authentication-Results 类邮件头`,
    arcField: (i) => `ARC 第 ${i ?? '?'} 段`,
    arcLatest: (i, id) => `最新的 ARC 记录（第 ${i} 段${id ? `，由 ${id} 记录` : ''}）：最后一台转发这封邮件的服务器看到的结果`,
  },

  verify: {
    intro: '下面是本页现在通过 DNS 查询重新检查的结果。',
    checkedNow: '检查用的是现在的 DNS：发信之后 DKIM 公钥、SPF 或 DMARC 记录可能已经改过，所以结果可能与收件方当时的判断不同。',
    compare: '与收件方当时的判断对照着看：两边一致，说明问题在记录或发信配置本身；不一致，多半是发信后改过记录。',
  },

  dkim: {
    heading: 'DKIM 签名',
    unsigned: '这封邮件没有 DKIM 签名。',
    signature: (n) => `第 ${n} 个签名`,
    domain: '签名域名（d=）',
    selector: '选择器（s=）',
    algorithm: '算法',
    canonicalization: '规范化',
    keyLabel: '公钥',
    keyValue: (type, bits) => (type === 'ed25519' ? 'Ed25519' : `RSA ${bits} 位`),
    bodyHash: '正文哈希（bh=）',
    headerSignature: '邮件头签名（b=）',
    matched: '一致',
    mismatched: '不一致',
    notChecked: '未检查',
    signedHeaders: (n) => `签名覆盖的 ${n} 个邮件头`,
    signedAt: '签名时间（t=）',
    expires: '过期时间（x=）',
    reasons: {
      verified: '签名验证通过。',
      'body-hash-mismatch': '正文在签名之后被改动过：正文的哈希与签名里的 bh= 不一致（例如转发时加了页脚、杀毒网关改写了内容，或复制时改动了空白）。',
      'signature-mismatch': '签名不匹配：被签名的邮件头（或签名本身）在签名之后被改动过，或者 DNS 里的公钥与签名用的私钥不是一对。',
      'key-not-found': '在 DNS 里找不到公钥：选择器._domainkey.域名 下没有 TXT 记录。',
      'key-revoked': '公钥已撤销：记录里的 p= 是空的。',
      'key-too-short': 'RSA 公钥短于 1024 位，按 RFC 8301 不能信任。',
      'key-syntax': 'DNS 里的记录不是可用的公钥（格式、base64 或密钥内容有误）。',
      'key-type-mismatch': '公钥类型（k=）与签名算法（a=）不符。',
      'key-hash-not-allowed': '公钥的 h= 不允许签名使用的哈希算法。',
      'key-service-mismatch': '公钥的 s= 不包括 email。',
      'key-strict-identity': '公钥要求 i= 与 d= 完全相同（t=s），签名不符合。',
      expired: '签名已过期（x= 已过）。',
      'dns-error': '查询公钥时解析服务器没有答复：请稍后再试。',
      'malformed-signature': 'DKIM-Signature 邮件头格式错误，无法读取。',
      'missing-tag': 'DKIM-Signature 缺少必需的标签（v、a、b、bh、d、h、s）。',
      'bad-version': 'DKIM-Signature 的版本（v=）不是 1。',
      'unknown-algorithm': '不认识的签名算法（a=）。',
      'unknown-canonicalization': '不认识的规范化方式（c=）。',
      'unknown-query-method': '查询方式（q=）不是 dns/txt。',
      'identity-mismatch': 'i= 不是 d= 或它的子域名。',
      'from-not-signed': '签名没有覆盖 From 邮件头（h= 里没有 from），按 RFC 6376 无效。',
      'too-many-signed-headers': '签名覆盖的邮件头超过 100 个，没有检查。',
      'signature-too-long': '签名（b=）长得不像任何真实的密钥能产生的，没有检查。',
      'body-truncated': '正文比签名时短（l= 大于正文长度）：正文被截断了。',
      'no-body': '只有邮件头：无法检查正文哈希。公钥和邮件头签名已检查，见下面。',
      'sha1-obsolete': '签名用的是 rsa-sha1，按 RFC 8301 不应再被采信。',
      'not-checked': '签名太多，这一个没有检查。',
      'crypto-unavailable': '这个浏览器不能做签名验证（缺少 WebCrypto 或不支持这种密钥）。',
      'ed25519-unsupported': '这个浏览器不能验证 Ed25519 签名，所以这里无法检查这一个签名（这并不说明签名有问题）。请换用最新版本的浏览器再试。',
    },
    notes: {
      testing: '该域名的公钥标为测试（t=y）：收件方可能不把结果当真。',
      'partial-body': '签名只覆盖了正文的前一部分（l=）：之后的内容任何人都可以添加。',
      'valid-but-expired': '签名本身是对的，只是现在已过期；邮件到达时可能还有效。',
      'ed25519-spki-key': 'Ed25519 公钥是按 SubjectPublicKeyInfo 格式发布的，不是 RFC 8463 规定的 32 字节原始格式；有的收件方会不认。',
      'multiple-key-records': '公钥所在的名称下有多条 TXT 记录，使用了第一条可用的。',
      'checked-now': '公钥是现在查询的，可能与发信时不同。',
    },
    headersOnly: '只提供了邮件头，没有正文：DKIM 的正文哈希无法检查。需要完整结果时，请粘贴整封邮件原文或选择 .eml 文件。',
  },

  spf: {
    heading: 'SPF',
    ip: '发信 IP',
    ipSource: {
      user: '你填写的',
      received: '取自收件方的 Received 邮件头',
      'received-spf': '取自收件方的 Received-SPF 邮件头',
    },
    sender: '信封发件人（Return-Path）',
    nullSender: '空（<>，退信常用），按 HELO 名称检查',
    helo: 'HELO 名称',
    domain: '检查的域名',
    explanation: '域名给出的说明（exp=）',
    notRun: {
      'no-evaluator': '没有检查 SPF。',
      'no-ip': '没有检查 SPF：邮件头里找不到发信服务器的 IP。可以在“更多选项”里填写。',
      'no-headers': '没有检查 SPF：没有邮件头。',
      error: '没有检查完 SPF：检查时出错。',
    },
    resultMeaning: {
      pass: '这个 IP 在该域名的 SPF 记录授权范围内。',
      fail: '该域名的 SPF 记录明确不允许这个 IP 发信（-all）。',
      softfail: '这个 IP 不在该域名的 SPF 记录里，记录以 ~all 结尾：收件方多半放行，但会降低信任。',
      neutral: '该域名的 SPF 记录对这个 IP 不表态（?all）。',
      none: '该域名没有 SPF 记录。',
      permerror: 'SPF 记录有错误（例如有两条，或 DNS 查询超过 10 次），收件方无法检查。',
      temperror: '查询 SPF 时解析服务器没有答复：请稍后再试。',
    },
  },

  dmarc: {
    heading: 'DMARC',
    fromDomain: '发件人域名（From）',
    policy: '策略',
    policyAt: (d) => `记录位置：_dmarc.${d}`,
    orgDomain: '组织域名',
    alignment: '对齐要求',
    strict: '严格（域名完全相同）',
    relaxed: '宽松（同一组织域名即可）',
    spfAligned: (d) => `SPF 以 ${d} 通过，与发件人域名对齐。`,
    spfNotAligned: 'SPF 没有以对齐的域名通过。',
    dkimAligned: (d) => `DKIM 以 ${d} 通过，与发件人域名对齐。`,
    dkimNotAligned: 'DKIM 没有以对齐的域名通过。',
    applied: (p) => `对这封邮件适用的策略：${policyZh[p as keyof typeof policyZh] ?? p}`,
    appliedTesting: (p, stated) => `对这封邮件适用的策略：${policyZh[p as keyof typeof policyZh] ?? p}——记录写的是 ${stated}，t=y（测试中）使它降低一级`,
    testing: '记录里有 t=y（测试中）：收件方按低一级的策略处理（reject 降为 quarantine，quarantine 降为不处理）。',
    undecided: {
      dns: 'DMARC 无法确定：没有以对齐的域名通过的检查，而可能改变结果的 DNS 查询失败了。请稍后再分析一次，或换一个解析服务器。',
      browser: 'DMARC 无法确定：没有别的检查以对齐的域名通过，而这个浏览器不能验证对齐的 Ed25519 签名。请换用最新版本的浏览器再试。',
    },
    unusable: '发件人域名的 DMARC 记录不可用，收件方不会按 DMARC 策略处理。',
    notRun: {
      'no-evaluator': '没有检查 DMARC。',
      'no-from': '没有检查 DMARC：找不到发件人（From）地址。',
      'multiple-from': '没有检查 DMARC：From 里有不止一个域名。',
      error: '没有检查完 DMARC：检查时出错。',
    },
    fix: '要修改的地方',
    advice: {
      'spf-not-passing': 'SPF 没有通过：发信服务器不在信封发件人域名的 SPF 记录里。把发信服务加入那条 SPF 记录。',
      'spf-not-aligned': 'SPF 通过的是另一个域名（常见于代发服务自己的退信域名），与发件人域名不对齐。让代发服务使用你的域名作信封发件人，或改靠 DKIM 对齐。',
      'dkim-missing': '邮件没有 DKIM 签名。在邮箱管理后台启用 DKIM，并把公钥添加到 DNS。',
      'dkim-not-passing': 'DKIM 签名没有通过。按上面每个签名的原因修改（公钥、选择器，或发信后改动了邮件的环节）。',
      'dkim-not-aligned': 'DKIM 通过的是另一个域名，与发件人域名不对齐。让发信服务用你自己的域名签名。',
      'publish-dmarc': '发件人域名没有 DMARC 记录。先发布 p=none 并设置 rua 接收报告。',
      'policy-none': '策略是 p=none：没通过的邮件照样投递，域名没有得到保护。确认所有发信服务都通过后，改为 quarantine 或 reject。',
    },
  },

  hops: {
    intro: '邮件经过的服务器，按从发件人到收件人的顺序。每一跳的时间由那台服务器自己写，服务器时钟不准时延迟会有偏差。',
    none: '邮件里没有 Received 邮件头，无法列出投递路径。',
    from: '来自',
    by: '接收的服务器',
    with: '协议',
    time: '时间',
    delay: '与上一跳相隔',
    delaySince: (n) => `与第 ${n} 跳相隔（中间的跳没有时间）`,
    delayUnknown: '无法计算：这一跳或之前的跳没有可读的时间',
    tls: (v) => `加密传输${v ? `（${v}）` : ''}`,
    noTls: '未加密',
    tlsUnknown: '看不出是否加密',
    internal: '内部地址',
    total: (d) => `全程用时 ${d}`,
    duration: durationZh,
    unknownZone: '时区未注明',
    connecting: '收件方从这里接收：SPF 按这一跳的 IP 检查',
    flags: {
      'long-delay': '延迟较长（超过 5 分钟）',
      'no-tls': '这一跳没有加密',
      'clock-skew': '时间早于上一跳：两台服务器之一的时钟不准',
      'no-date': '没有可读的时间',
    },
    raw: '原文',
  },

  headers: {
    subject: '主题',
    from: '发件人',
    to: '收件人',
    date: '日期',
    messageId: 'Message-ID',
    returnPath: 'Return-Path',
    count: (n) => `共 ${n} 个邮件头`,
    none: '没有读到邮件头。',
  },

  notes: {
    lineEndings: '粘贴的文本换行不是 CRLF，已按 CRLF 处理。复制时如果改动了空白或换行，DKIM 可能显示“正文被改动”；最可靠的是选择 .eml 文件。',
    indentation: '每一行开头都有相同的缩进（从网页复制时常见），已去掉。',
    mbox: '开头的 mbox “From ” 行已跳过。',
    truncated: '内容太大，只读取了邮件头。',
  },

  guides: {
    'troubleshooting/bounced-or-spam': '发出的邮件被退回或进了垃圾箱',
    'troubleshooting/platform-mail': '平台验证邮件收不到',
    'troubleshooting/client-sign-in': '客户端无法登录或提示证书错误',
    'troubleshooting/overseas-resolution': '海外无法解析或连接邮件服务器',
    'troubleshooting/unusual-sign-in': '异地登录提醒',
    'reference/bounce-codes': '退信代码',
    'dns/spf': 'SPF 记录',
    'dns/dkim': 'DKIM 记录',
    'dns/dmarc': 'DMARC 记录',
  },
  readGuide: (t) => `详见：${t}`,

  report: {
    authLabel: (m, s) => `${m}（${s}）`,
    browser: '现在检查',
    receiver: '收件方当时',
    hop: (n) => `第 ${n} 跳`,
    bounceRow: (r) => `退信：${r}`,
    inputRow: '无法使用的输入',
    headersRow: '邮件头',
  },
};
