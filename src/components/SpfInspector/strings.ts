/**
 * SpfInspector widget strings, both languages side by side (en typed by zh).
 * What each SPF result means for delivery follows RFC 7208 §2.6 (the results)
 * and §8 (what receivers do with them); DMARC counts only an SPF pass whose
 * domain is aligned with the From domain (RFC 9989, as RFC 7489 before it).
 */
import type {
  DohErrorCode,
  EmailErrorReason,
  Lang,
  MacroErrorCode,
  SpfLookupOutcome,
  SpfLookupPurpose,
  SpfResult,
  SpfTermOutcome,
  SpfTrailRecord,
} from '~/core';
import type { SpfIdentity } from './form';

/** What a result is called, and what it means for the mail tested. */
export interface ResultText {
  /** The result in words, with the RFC word. */
  readonly title: string;
  /** What it means for delivery of this mail from `ip` with the SPF record of `domain`. */
  readonly meaning: (ip: string, domain: string) => string;
}

const zh = {
  // ─── the form ───
  domain: '要检查 SPF 的域名',
  hint: '例如 example.com，或第三方平台的域名（如 shopify.com）',
  testLegend: '测试一个发信 IP（可选）',
  testIntro: '填写发信服务器的 IP，会像收件方那样判断：用这个 IP 发出的邮件能否通过 SPF。',
  ip: '发信 IP 地址',
  ipHint: 'IPv4 或 IPv6，例如退信或邮件头 Received 行里发信服务器的地址。',
  sender: 'MAIL FROM（可选）',
  senderHint: (domain: string) =>
    `信封发件人，即邮件头 Return-Path 中的地址，例如 bounce@example.com。不填时检查上面的域名，按 postmaster@${domain || '该域名'} 发信处理（收件方检查的正是信封发件人的域名）。填 <> 表示退信，此时检查 HELO 名称。`,
  helo: 'HELO 名称（可选）',
  heloHint: '发信服务器在 SMTP 对话中报出的主机名（EHLO/HELO）。只在 SPF 记录用到 %{h} 宏，或 MAIL FROM 为 <> 时起作用。',
  run: '展开 SPF',
  runTest: '展开 SPF 并测试 IP',
  running: '正在检查…',
  ipErrors: {
    range: (v: string) => `“${v}”是一个地址段。请填写发信服务器的单个地址，例如 192.0.2.1。`,
    invalid: (v: string) => `“${v}”不是 IP 地址。请填写 IPv4 地址（如 192.0.2.1）或 IPv6 地址（如 2001:db8::1）。`,
  },
  senderErrors: {
    empty: () => '请填写邮箱地址或域名。',
    'missing-at': () => '请填写邮箱地址或域名。',
    'multiple-at': () => '地址中只能有一个 @。请只填写一个地址。',
    'empty-local-part': () => '@ 前面缺少用户名，例如 bounce@example.com 中的 bounce。',
    'invalid-local-part': (d: string) => `@ 前面的用户名含有不能使用的字符“${d}”。`,
    'local-part-dots': () => '@ 前面的用户名不能以点开头或结尾，也不能有两个连续的点。',
    'local-part-too-long': () => '@ 前面的用户名最多 64 个字符。',
    'invalid-domain': (d: string) => `@ 后面的域名有误：${d}`,
    'too-long': () => '邮箱地址最多 254 个字符。',
  } satisfies Record<EmailErrorReason, (detail: string) => string>,
  heloNeeded: 'MAIL FROM 为 <>（退信）时检查的是 HELO 名称：请填写发信服务器的主机名，例如 mail.example.com。',

  // ─── the expansion (unchanged) ───
  lookups: 'DNS 查询次数',
  voids: '空查询次数',
  limit: (n: number) => `上限 ${n}`,
  tree: 'SPF 展开树',
  noRecord: '没有 SPF 记录',
  authorised: '授权的地址段',
  lookupCost: '计 1 次查询',
  void: '空查询（名称不存在或没有记录）',
  loop: '循环引用，未继续展开',
  truncated: '嵌套太深或查询太多，已停止展开：计数是下限',
  syntaxAt: (term: string) => `语法错误：${term}`,
  none: '没有发现问题。',
  summary: (d: string, n: number, v: number, ms: number) => `${d}：共 ${n} 次 DNS 查询，${v} 次空查询，用时 ${ms} 毫秒。`,
  statuses: {
    'no-record': '没有 SPF 记录',
    multiple: '有多条 SPF 记录',
    nxdomain: '域名不存在',
    error: '查询失败',
    depth: '嵌套过深',
    truncated: '已截断',
    macro: '含宏，无法静态展开',
    loop: '循环',
    ok: '',
  },

  // ─── the IP test ───
  testTitle: (ip: string) => `IP 测试：${ip}`,
  testing: (ip: string, mailFrom: string) => `正在判断 ${ip} 以 ${mailFrom} 发信能否通过 SPF…`,
  testAnnounce: (ip: string, domain: string, title: string) => `IP 测试：${ip} 代表 ${domain} 发信，SPF 结果：${title}。`,
  testFailed: '测试没有完成，请再试一次。',
  identity: {
    postmaster: (d: string) => `没有填写 MAIL FROM：按 postmaster@${d} 检查 ${d} 的 SPF 记录。`,
    'mail-from': (d: string, mailFrom: string) => `MAIL FROM 为 ${mailFrom}：由 ${d} 的 SPF 记录决定。`,
    helo: (d: string) => `MAIL FROM 为 <>（退信）：按 postmaster@${d} 检查 HELO 名称 ${d} 的 SPF 记录。`,
  } satisfies Record<SpfIdentity, (domain: string, mailFrom: string) => string>,
  results: {
    pass: {
      title: '通过（pass）',
      meaning: (ip: string, d: string) =>
        `${d} 的 SPF 记录授权 ${ip} 发信，收件方会判定这封邮件 SPF 通过。对 DMARC 来说，只有 ${d} 与信头发件人（From）的域名一致时，这个通过才算数。`,
    },
    fail: {
      title: '不通过（fail）',
      meaning: (ip: string, d: string) =>
        `${d} 的 SPF 记录明确声明 ${ip} 不能代表它发信。收件方可以直接拒收，也可以把邮件标记为可疑或放进垃圾箱；对 DMARC 来说不算通过，只能靠 DKIM。`,
    },
    softfail: {
      title: '软失败（softfail）',
      meaning: (ip: string, d: string) =>
        `${d} 的 SPF 记录用 ~（通常是 ~all）表示 ${ip} 很可能不是它的发信服务器，但没有明确禁止。收件方一般不会只因此拒收，但可能更严格地检查或放进垃圾箱；对 DMARC 来说不算通过。`,
    },
    neutral: {
      title: '中立（neutral）',
      meaning: (ip: string, d: string) =>
        `${d} 的 SPF 记录对 ${ip} 不作判断（?all，或没有任何一项匹配）。收件方会当作没有 SPF 信息处理；对 DMARC 来说不算通过。`,
    },
    none: {
      title: '无结果（none）',
      meaning: (_ip: string, d: string) =>
        `没有可用的 SPF 记录（${d} 没有 SPF 记录，或不是可以检查的域名），收件方无法用 SPF 判断这封邮件；对 DMARC 来说不算通过，只能靠 DKIM。`,
    },
    permerror: {
      title: '永久错误（permerror）',
      meaning: (_ip: string, d: string) =>
        `${d} 的 SPF 记录有错误，收件方无法解读（原因见下）。只有修改 DNS 记录才能解决；在此之前，收件方可能按不通过处理，对 DMARC 来说也不算通过。`,
    },
    temperror: {
      title: '临时错误（temperror）',
      meaning: () =>
        '查询 DNS 时出错（例如解析服务器返回 SERVFAIL 或没有回答），无法得出结果。收件方遇到这种情况通常会暂时拒收，让发信服务器稍后重试；错误一直存在，邮件就会延迟或最终退回。本工具经过你选择的解析服务器查询，换一个解析服务器再试，可以分辨是域名的问题还是解析服务器的问题。',
    },
  } satisfies Record<SpfResult, ResultText>,
  explanation: '域名给出的说明（exp=，收件方可能把它写进拒收信息）：',
  decidedBy: (term: string, domain: string) => `决定结果的是 ${domain} 记录中的 ${term}。`,
  reachedVia: '路径：',
  noMatch: '没有任何一项匹配，记录中也没有 redirect=，因此结果为 neutral（RFC 7208 §4.7）。',
  why: '原因：',
  problems: {
    'invalid-ip': () => '这不是 IPv4 或 IPv6 地址，没有检查。',
    'invalid-domain': (d: string) => `“${d}”不是 SPF 可以检查的域名。`,
    'no-record': (d: string) => `${d} 没有 SPF 记录（没有以 v=spf1 开头的 TXT 记录）。`,
    'multiple-records': (d: string) => `${d} 有不止一条 SPF 记录，收件方会按永久错误处理（RFC 7208 §4.5）。请合并为一条。`,
    syntax: (d: string, term: string, reason: string) => `${d} 的 SPF 记录中“${term}”有语法错误：${reason}。`,
    'dns-error': (d: string, question: string, detail: string) => `检查 ${d} 时查询 ${question} 失败（${detail}）。`,
    'lookup-limit': (d: string, term: string) => `需要查询 DNS 的项超过 10 个（第 11 个是 ${d} 记录中的 ${term}，RFC 7208 §4.6.4）。`,
    'void-limit': (d: string, term: string) => `空查询超过 2 次（第 3 次来自 ${d} 记录中的 ${term}，RFC 7208 §4.6.4）。`,
    'mx-limit': (d: string, term: string) => `${d} 记录中的 ${term} 指向的名称有超过 10 条 MX 记录（RFC 7208 §4.6.4）。`,
    'include-none': (d: string, term: string) => `${term} 引用的 ${d} 没有 SPF 记录（RFC 7208 §5.2）。`,
    'redirect-none': (d: string, term: string) => `${term} 指向的 ${d} 没有 SPF 记录（RFC 7208 §6.1）。`,
  },
  macroReasons: {
    'invalid-character': '含有可打印 ASCII 以外的字符',
    'invalid-percent': '% 后面必须是 {、%、_ 或 -',
    'unknown-letter': '宏里用了不存在的字母',
    'explanation-only-letter': 'c、r、t 宏只能用在 exp= 的说明文字中',
    'zero-parts': '宏要求保留 0 段',
    'invalid-transformer': '宏的变换部分写法有误',
  } satisfies Record<MacroErrorCode, string>,
  dnsTerms: '需要查询 DNS 的项',
  voidLookups: '空查询',
  trail: '判断过程',
  trailHint: '按收件方的顺序逐项检查，第一个匹配的项决定结果；之后的项不再检查。',
  via: { check: '检查', include: 'include', redirect: 'redirect' } satisfies Record<SpfTrailRecord['via'], string>,
  recordResult: (result: string) => `结果 ${result}`,
  noRecordHere: { none: '（没有 SPF 记录）', permerror: '（有多条 SPF 记录，无法确定用哪一条）', temperror: '（没有取到记录：查询失败）' },
  termOutcomes: { match: '匹配', 'no-match': '不匹配', permerror: '永久错误', temperror: '临时错误' } satisfies Record<SpfTermOutcome, string>,
  dnsTermCount: (n: number, limit: number) => `第 ${n}/${limit} 个查询项`,
  voidCount: (n: number, limit: number) => `第 ${n}/${limit} 次空查询`,
  lookupsTitle: 'DNS 查询',
  lookupsCaption: (n: number, sent: number) => `判断用到的 ${n} 个查询（共发出 ${sent} 个，包括提前发出的）`,
  cols: { name: '名称', type: '类型', purpose: '用途', outcome: '结果', data: '数据' },
  purposes: {
    record: 'SPF 记录',
    a: 'a',
    mx: 'mx',
    'mx-address': 'MX 主机地址',
    ptr: 'ptr',
    'ptr-address': 'PTR 名称的地址',
    exists: 'exists',
    'p-macro': '%{p} 宏',
    exp: 'exp= 说明',
  } satisfies Record<SpfLookupPurpose, string>,
  outcomes: {
    answer: '有记录',
    'no-data': '没有该类型记录',
    nxdomain: '名称不存在',
    'dns-error': '查询失败',
    'invalid-name': '无法查询的名称',
  } satisfies Record<SpfLookupOutcome, string>,
  dohErrors: {
    timeout: '没有及时回答',
    'http-status': '解析服务器返回 HTTP 错误',
    network: '无法连接解析服务器',
    malformed: '回复无法读取',
    aborted: '已停止',
    'invalid-url': '解析服务器地址无效',
    'invalid-name': '名称无法查询',
  } satisfies Record<DohErrorCode, string>,
  more: (n: number) => `还有 ${n} 条`,

  // ─── the copied report ───
  reportTitle: (domain: string) => `SPF 检查：${domain}`,
  reportExpansion: (domain: string) => `${domain} 的 SPF 记录`,
  reportRecord: '记录',
};

type Strings = typeof zh;

const en: Strings = {
  domain: 'Domain whose SPF to inspect',
  hint: 'e.g. example.com, or a platform’s domain such as shopify.com',
  testLegend: 'Test a sending IP (optional)',
  testIntro: 'Enter the sending server’s IP and it is judged the way a receiver would: would mail from this IP pass SPF?',
  ip: 'Sending IP address',
  ipHint: 'IPv4 or IPv6, e.g. the sending server’s address from a bounce or a Received header line.',
  sender: 'MAIL FROM (optional)',
  senderHint: (domain: string) =>
    `The envelope sender, shown as Return-Path in the headers, e.g. bounce@example.com. Leave it empty to test the domain above as postmaster@${domain || 'that domain'} (receivers check the envelope sender’s domain). Enter <> for a bounce: the HELO name is then checked.`,
  helo: 'HELO name (optional)',
  heloHint: 'The host name the sending server gives in SMTP (EHLO/HELO). It matters only when the SPF record uses the %{h} macro, or when MAIL FROM is <>.',
  run: 'Expand SPF',
  runTest: 'Expand SPF and test the IP',
  running: 'Checking…',
  ipErrors: {
    range: (v: string) => `“${v}” is a range. Enter the one address of the sending server, e.g. 192.0.2.1.`,
    invalid: (v: string) => `“${v}” is not an IP address. Enter an IPv4 address (such as 192.0.2.1) or an IPv6 address (such as 2001:db8::1).`,
  },
  senderErrors: {
    empty: () => 'Enter an email address or a domain.',
    'missing-at': () => 'Enter an email address or a domain.',
    'multiple-at': () => 'An address has only one @. Enter one address.',
    'empty-local-part': () => 'The name before the @ is missing, e.g. bounce in bounce@example.com.',
    'invalid-local-part': (d: string) => `The name before the @ contains a character that cannot be used: “${d}”.`,
    'local-part-dots': () => 'The name before the @ cannot start or end with a dot or have two dots in a row.',
    'local-part-too-long': () => 'The name before the @ has at most 64 characters.',
    'invalid-domain': (d: string) => `The domain after the @ is not valid: ${d}`,
    'too-long': () => 'An email address has at most 254 characters.',
  },
  heloNeeded: 'With MAIL FROM <> (a bounce) the HELO name is checked: enter the sending server’s host name, e.g. mail.example.com.',

  lookups: 'DNS lookups',
  voids: 'Void lookups',
  limit: (n: number) => `limit ${n}`,
  tree: 'SPF tree',
  noRecord: 'No SPF record',
  authorised: 'Authorised ranges',
  lookupCost: 'costs 1 lookup',
  void: 'void lookup (name does not exist or has no records)',
  loop: 'loop: not followed again',
  truncated: 'Nesting or question budget reached: counts are lower bounds',
  syntaxAt: (term: string) => `Syntax error: ${term}`,
  none: 'No problems found.',
  summary: (d: string, n: number, v: number, ms: number) => `${d}: ${n} DNS lookups, ${v} void lookups, in ${ms} ms.`,
  statuses: {
    'no-record': 'no SPF record',
    multiple: 'several SPF records',
    nxdomain: 'domain does not exist',
    error: 'lookup failed',
    depth: 'nested too deep',
    truncated: 'truncated',
    macro: 'uses macros: not expanded',
    loop: 'loop',
    ok: '',
  },

  testTitle: (ip: string) => `IP test: ${ip}`,
  testing: (ip: string, mailFrom: string) => `Checking whether mail from ${ip} with MAIL FROM ${mailFrom} passes SPF…`,
  testAnnounce: (ip: string, domain: string, title: string) => `IP test: ${ip} sending for ${domain}, SPF result: ${title}.`,
  testFailed: 'The test did not finish. Please try again.',
  identity: {
    postmaster: (d: string) => `No MAIL FROM given: the SPF record of ${d} is checked for postmaster@${d}.`,
    'mail-from': (d: string, mailFrom: string) => `MAIL FROM ${mailFrom}: the SPF record of ${d} decides.`,
    helo: (d: string) => `MAIL FROM <> (a bounce): the SPF record of the HELO name ${d} is checked, for postmaster@${d}.`,
  },
  results: {
    pass: {
      title: 'Pass',
      meaning: (ip: string, d: string) =>
        `The SPF record of ${d} authorises ${ip} to send: receivers see this mail as passing SPF. For DMARC the pass counts only when ${d} matches the domain of the From header.`,
    },
    fail: {
      title: 'Fail',
      meaning: (ip: string, d: string) =>
        `The SPF record of ${d} states that ${ip} may not send its mail. Receivers may reject the message outright, or mark it or file it as spam; for DMARC it is not a pass, so only DKIM can carry it.`,
    },
    softfail: {
      title: 'Soft fail (softfail)',
      meaning: (ip: string, d: string) =>
        `The SPF record of ${d} says with ~ (usually ~all) that ${ip} is probably not one of its senders, without forbidding it. Receivers rarely reject on this alone, but may look harder at the message or file it as spam; for DMARC it is not a pass.`,
    },
    neutral: {
      title: 'Neutral',
      meaning: (ip: string, d: string) =>
        `The SPF record of ${d} makes no statement about ${ip} (?all, or no term matched). Receivers treat it as if there were no SPF information; for DMARC it is not a pass.`,
    },
    none: {
      title: 'None',
      meaning: (_ip: string, d: string) =>
        `There is no SPF record to use (${d} has none, or is not a domain that can be checked), so receivers cannot judge this mail by SPF; for DMARC it is not a pass, so only DKIM can carry it.`,
    },
    permerror: {
      title: 'Permanent error (permerror)',
      meaning: (_ip: string, d: string) =>
        `The SPF record of ${d} has an error receivers cannot interpret (see below). Only a change to the DNS record fixes it; until then receivers may treat the mail as failing, and for DMARC it is not a pass.`,
    },
    temperror: {
      title: 'Temporary error (temperror)',
      meaning: () =>
        'A DNS lookup failed (for example the resolver answered SERVFAIL or did not answer), so there is no result. Receivers usually defer such mail with a temporary error and the sending server tries again later; if the error persists, the mail is delayed and finally bounced. This tool asks through the resolver you chose: trying another one tells a problem of the domain from a problem of the resolver.',
    },
  },
  explanation: 'The domain’s explanation (exp=; receivers may put it in the rejection):',
  decidedBy: (term: string, domain: string) => `Decided by ${term} in the record of ${domain}.`,
  reachedVia: 'Path: ',
  noMatch: 'No term matched and the record has no redirect=, so the result is neutral (RFC 7208 §4.7).',
  why: 'Why: ',
  problems: {
    'invalid-ip': () => 'This is not an IPv4 or IPv6 address: nothing was checked.',
    'invalid-domain': (d: string) => `“${d}” is not a domain name SPF can check.`,
    'no-record': (d: string) => `${d} has no SPF record (no TXT record starting with v=spf1).`,
    'multiple-records': (d: string) => `${d} has more than one SPF record, which receivers treat as a permanent error (RFC 7208 §4.5). Merge them into one.`,
    syntax: (d: string, term: string, reason: string) => `The SPF record of ${d} has a syntax error in “${term}”: ${reason}.`,
    'dns-error': (d: string, question: string, detail: string) => `While checking ${d}, the lookup of ${question} failed (${detail}).`,
    'lookup-limit': (d: string, term: string) => `More than 10 terms that query DNS were needed (the 11th is ${term} in the record of ${d}; RFC 7208 §4.6.4).`,
    'void-limit': (d: string, term: string) => `More than 2 lookups found nothing (the 3rd came from ${term} in the record of ${d}; RFC 7208 §4.6.4).`,
    'mx-limit': (d: string, term: string) => `${term} in the record of ${d} names a domain with more than 10 MX records (RFC 7208 §4.6.4).`,
    'include-none': (d: string, term: string) => `${term} names ${d}, which has no SPF record (RFC 7208 §5.2).`,
    'redirect-none': (d: string, term: string) => `${term} names ${d}, which has no SPF record (RFC 7208 §6.1).`,
  },
  macroReasons: {
    'invalid-character': 'it contains characters outside printable ASCII',
    'invalid-percent': 'a % must be followed by {, %, _ or -',
    'unknown-letter': 'a macro uses a letter that does not exist',
    'explanation-only-letter': 'the c, r and t macros may only be used in exp= text',
    'zero-parts': 'a macro asks to keep 0 parts',
    'invalid-transformer': 'a macro’s transformer is malformed',
  },
  dnsTerms: 'Terms that query DNS',
  voidLookups: 'Void lookups',
  trail: 'How the result was reached',
  trailHint: 'Terms are checked in order, as a receiver does; the first that matches decides, and the rest are not checked.',
  via: { check: 'checked', include: 'include', redirect: 'redirect' },
  recordResult: (result: string) => `result ${result}`,
  noRecordHere: { none: '(no SPF record)', permerror: '(several SPF records: none of them can be used)', temperror: '(the record could not be fetched: the lookup failed)' },
  termOutcomes: { match: 'match', 'no-match': 'no match', permerror: 'permanent error', temperror: 'temporary error' },
  dnsTermCount: (n: number, limit: number) => `DNS term ${n}/${limit}`,
  voidCount: (n: number, limit: number) => `void lookup ${n}/${limit}`,
  lookupsTitle: 'DNS lookups',
  lookupsCaption: (n: number, sent: number) => `The ${n} lookups the result used (${sent} questions sent, including those asked ahead)`,
  cols: { name: 'Name', type: 'Type', purpose: 'For', outcome: 'Outcome', data: 'Data' },
  purposes: {
    record: 'SPF record',
    a: 'a',
    mx: 'mx',
    'mx-address': 'MX host address',
    ptr: 'ptr',
    'ptr-address': 'address of a PTR name',
    exists: 'exists',
    'p-macro': '%{p} macro',
    exp: 'exp= text',
  },
  outcomes: {
    answer: 'records',
    'no-data': 'no records of this type',
    nxdomain: 'name does not exist',
    'dns-error': 'failed',
    'invalid-name': 'not a name that can be asked',
  },
  dohErrors: {
    timeout: 'no answer in time',
    'http-status': 'the resolver returned an HTTP error',
    network: 'the resolver could not be reached',
    malformed: 'the reply could not be read',
    aborted: 'stopped',
    'invalid-url': 'the resolver address is not valid',
    'invalid-name': 'the name cannot be asked',
  },
  more: (n: number) => `${n} more`,

  reportTitle: (domain: string) => `SPF inspector: ${domain}`,
  reportExpansion: (domain: string) => `SPF record of ${domain}`,
  reportRecord: 'Record',
};

export const strings: Record<Lang, Strings> = { zh, en };
