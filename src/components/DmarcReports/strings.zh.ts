// DMARC 报告查看器的界面文字（简体中文）。英文在 strings.en.ts，结构以本文件为准
// （DmarcStrings），缺一个键就是类型错误。报告的摘要、处理建议和文件错误的措辞在
// ~/core 的 reports/text/ 里。每种语言是单独的一块代码：页面只加载自己的语言。
// One formatter for every number (toLocaleString builds a new one per call: slow over thousands of cells).
let numbers: Intl.NumberFormat | undefined;
const n = (x: number): string => (numbers ??= new Intl.NumberFormat('zh-CN')).format(x);
const mb = (bytes: number): string => (bytes / (1024 * 1024)).toFixed(1);

export const zh = {
  title: 'DMARC 报告查看器',
  // Input
  inputLabel: '报告文件',
  dropTitle: '把报告文件拖到这里，或点击下面的按钮选择',
  pickLabel: '选择报告文件（.xml、.gz、.zip，可多选）',
  dropHint: '可以一次选择多个文件；一个 .zip 里可以有多份报告。再次选择会把新报告加到已读取的报告里。',
  privacy: '文件只在本浏览器里读取，不会上传到任何地方。只有发信 IP 的反向解析（PTR）查询会发给所选的解析服务器。',
  busy: '正在读取上一批文件：请等它读完，或先取消。',
  reading: (done: number, total: number, reports: number, bytes: number) =>
    `正在读取：${n(done)}/${n(total)} 个文件已完成，已解析 ${n(reports)} 份报告（${mb(bytes)} MB XML）。`,
  readingFiles: (count: number) => `正在打开 ${n(count)} 个文件…`,
  cancel: '取消读取',
  clear: '清除全部报告',
  cancelled: (reports: number) => `已取消读取。取消前读到的 ${n(reports)} 份报告保留在下面。`,
  loaded: (reports: number, files: number) => `已读取 ${n(reports)} 份报告（来自 ${n(files)} 个文件）。`,
  duplicatesSkipped: (count: number) => `${n(count)} 份重复的报告（同一报告方、编号、域名和时段）只计一次。`,
  readerFailed: (message: string) => `读取程序意外停止（${message}）。请刷新页面后重试。`,
  inputTooLarge: (bytes: number) => `文件超过 ${mb(bytes)} MB，未读取`,
  totalTooLarge: (bytes: number) => `一次选择的文件合计将超过 ${mb(bytes)} MB，未读取（请分批选择）`,
  unreadable: '浏览器无法读取这个文件',
  fileErrorsHeading: (count: number) => `未能读取的文件（${n(count)} 个）`,
  empty: '还没有读取任何报告。',
  // Filters
  filtersLegend: '筛选',
  domainLabel: '域名',
  allDomains: (count: number) => `全部域名（${n(count)} 个）`,
  fromLabel: '开始日期',
  toLabel: '结束日期',
  failuresOnly: '只看未通过 DMARC 的邮件',
  resetFilters: '显示全部',
  severalDomains: (list: string) => `读取的报告属于多个域名：${list}。可以在“域名”中只看其中一个。`,
  domainCount: (domain: string, messages: number) => `${domain}（${n(messages)} 封）`,
  dayNote: '日期按本机时区计，每份报告算在它所覆盖时段的中间那一天。',
  // Summary
  summaryLabel: '总览',
  stats: {
    messages: '邮件',
    pass: '通过 DMARC',
    fail: '未通过 DMARC',
    both: 'SPF 与 DKIM 均对齐',
    reports: '报告',
    period: '时间段',
  },
  verdictNone: '当前筛选条件下没有邮件。',
  verdictAllPass: (messages: number) => `全部 ${n(messages)} 封邮件都通过了 DMARC。`,
  verdictSomeFail: (fail: number, messages: number, share: string) =>
    `${n(messages)} 封邮件中有 ${n(fail)} 封（${share}）未通过 DMARC：见下面的处理建议。`,
  verdictFailuresOnly: (fail: number) => `只看未通过的邮件：共 ${n(fail)} 封。`,
  share: (part: number, whole: number) => (whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : '—'),
  periodText: (first: string, last: string) => (first === last ? first : `${first} 至 ${last}`),
  exportCsv: '下载 CSV（每条记录一行）',
  // Advice
  adviceHeading: '处理建议',
  adviceNone: '没有需要处理的来源：所有来源都通过了 DMARC。',
  advicePtrRunning: '反向解析还在查询中：未识别来源的建议可能还会变化。',
  severity: { fail: '需要处理', warn: '建议修改', info: '无需处理' },
  guideLink: '阅读：',
  guides: {
    'dns/dkim': 'DKIM 记录',
    'dns/spf': 'SPF 记录',
    'dns/dmarc': 'DMARC 记录',
    'troubleshooting/platform-mail': '平台代发的邮件',
  } as Record<string, string>,
  // Charts
  dayChartTitle: '每天的邮件数',
  dayChartDesc: (days: number, first: string, last: string, max: number) =>
    `柱形图：${first} 至 ${last} 共 ${n(days)} 天，每天一根柱子，下段是通过 DMARC 的邮件，上段是未通过的；最高一天 ${n(max)} 封。具体数字见图下的表格。`,
  rateChartTitle: '各来源的 DMARC 通过率',
  rateChartDesc: (count: number) =>
    `条形图：邮件最多的 ${n(count)} 个来源，每个来源一根横条，长度是通过 DMARC 的比例。具体数字见图下的表格。`,
  legendPass: '通过 DMARC',
  legendFail: '未通过 DMARC',
  showTable: '以表格查看数字',
  day: '日期',
  messages: '邮件',
  passed: '通过',
  failed: '未通过',
  rate: '通过率',
  source: '来源',
  // Reporters
  reportersHeading: '按报告方',
  reportersCaption: '每个报告方（收件方）看到的邮件，以及它看到的 DMARC 策略',
  reporter: '报告方',
  reportsCol: '报告数',
  policySeen: '看到的策略',
  policyDays: (first: string, last: string, reports: number) =>
    `${first === last ? first : `${first} 至 ${last}`}，${n(reports)} 份报告`,
  testing: '测试中（t=y）',
  // Sources
  sourcesHeading: '按发信来源',
  sourcesIntro:
    '同一组织的 IP 按反向解析（PTR）名称归为一组，但只用正向解析能指回该 IP 的名称（别人可以把自己的 IP 反向解析成任何名称）；能认出的发信服务会标出名称。SPF 和 DKIM 列先写“对齐通过”的邮件数，再列出报告里的验证结果。',
  groupKind: { sender: '已识别的发信服务', domain: '按反向解析名称归组', ip: '单个 IP' },
  groupPassed: (pass: string, messages: string, share: string) => `${pass}/${messages} 封通过 · ${share}`,
  ipCount: (count: number) => `${n(count)} 个 IP`,
  sourceTable: (name: string) => `${name} 的发信 IP`,
  ipCol: 'IP 地址',
  ptrCol: '反向解析（PTR）',
  spfCol: 'SPF',
  dkimCol: 'DKIM',
  dispositionCol: '收件方处理',
  aligned: (count: number, messages: number) => `对齐通过 ${n(count)}/${n(messages)}`,
  noResults: '报告里没有结果',
  disposition: { none: '正常投递', quarantine: '隔离', reject: '拒收' },
  ptr: {
    pending: '查询中…',
    none: '没有反向解析名称',
    error: (code: string) => `查询失败（${code}）`,
    skipped: '未查询（来源太多）',
    invalid: '不是 IP 地址',
    unconfirmed: '（未确认：这个名称的正向解析不指回该 IP）',
    unchecked: '（无法确认这个名称是否指回该 IP）',
  },
  recognisedBy: {
    dkim: (domain: string) => `由通过验证的 DKIM 签名 d=${domain} 识别`,
    spf: (domain: string) => `由通过验证的 SPF（${domain}）识别`,
  },
  showAllAdvice: (count: number) => `显示全部 ${n(count)} 条建议`,
  showFewerAdvice: '只显示最大来源的建议',
  showAllSources: (count: number) => `显示全部 ${n(count)} 个 IP`,
  showFewerSources: '只显示邮件最多的来源',
  // Reports list
  reportsHeading: (count: number) => `已读取的报告（${n(count)} 份）`,
  reportsCaption: '每份报告的报告方、编号、时段和域名',
  reportId: '报告编号',
  generatedBy: (generator: string) => `生成程序：${generator}`,
  reportError: (error: string) => `报告方记录的错误：${error}`,
  moreReportErrors: (count: number) => `……另有 ${n(count)} 条错误`,
  periodCol: '时段（UTC）',
  domainCol: '域名',
  policyCol: '策略',
  fileCol: '文件',
  // Scroll regions and copy report
  scrollRegion: (what: string) => `${what}（可左右滚动）`,
  reportRowStatus: { pass: '通过', fail: '有未通过', warn: '建议修改' },
  reportSourceLine: (messages: number, pass: number, share: string) =>
    `${n(messages)} 封，其中 ${n(pass)} 封通过 DMARC（${share}）`,
  reportIps: (ips: string) => `IP：${ips}`,
  reportVerdict: (messages: number, pass: number, share: string, reports: number) =>
    `${n(reports)} 份报告，${n(messages)} 封邮件，${n(pass)} 封通过 DMARC（${share}）`,
  reportFilters: (text: string) => `筛选：${text}`,
  reportAllPeriod: '全部日期',
};

export type DmarcStrings = typeof zh;
