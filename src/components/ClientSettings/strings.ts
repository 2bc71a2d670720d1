// Widget text for ClientSettings, in both page languages. The host names and
// ports come from the provider profiles in ~/core; the profile texts written
// into the .mobileconfig itself are in ~/core/export/mobileconfig.ts.
import type { ClientSecurity } from '~/core';
import type { EmailErrorReason } from '~/core';

type Protocol = 'imap' | 'pop3' | 'smtp';

const zh = {
  providerLabel: '邮箱服务',
  tableCaption: (provider: string) => `${provider}：邮件客户端里要填的服务器`,
  colProtocol: '协议',
  colServer: '服务器',
  colPort: '端口',
  colSecurity: '加密方式',
  protocols: {
    imap: 'IMAP',
    pop3: 'POP3',
    smtp: 'SMTP',
  } satisfies Record<Protocol, string>,
  roles: {
    imap: '收信（推荐）',
    pop3: '收信',
    smtp: '发信',
  } satisfies Record<Protocol, string>,
  security: {
    ssl: 'SSL/TLS',
    starttls: 'STARTTLS',
    plain: '不加密',
  } satisfies Record<ClientSecurity, string>,
  copyHost: (protocol: string, host: string) => `复制 ${protocol} 服务器地址 ${host}`,
  notListed: '此版本未公布，以邮箱管理后台或帮助文档为准',
  securityNote:
    '加密方式选 SSL/TLS（有的客户端叫“SSL”或“使用安全连接”），不要选 STARTTLS；不要改用不加密的端口或 587 端口。',
  userNameLabel: '用户名',
  userNameValue: '完整的邮箱地址，例如 zhang@example.com，不是只填 zhang。',
  passwordLabel: '密码',
  passwordValue: '邮箱密码；如果开启了三方客户端安全密码，填那个安全密码。',
  passwordLink: '三方客户端安全密码',
  smtpAuthLabel: '发件服务器验证',
  smtpAuthValue: '勾选“需要验证”，使用与收件服务器相同的用户名和密码。',
  adminNote: '管理员必须允许该账号使用 IMAP/POP（第三方客户端）收发信，否则即使密码正确，客户端也会登录失败。',

  profileTitle: '一步设置 iPhone、iPad、Mac 上的“邮件”',
  profileIntro:
    '输入邮箱地址，下载一个描述文件（.mobileconfig）。在设备上安装后，“邮件”会自动填好上表中的 IMAP 和 SMTP 服务器、端口和用户名。',
  emailLabel: '邮箱地址',
  emailHint: '完整地址，例如 zhang@example.com',
  emailPlaceholder: (domain: string) => `name@${domain}`,
  nameLabel: '发件人名称（可选）',
  nameHint: '收件人看到的名字，例如 张三',
  download: '下载 iPhone/iPad/Mac 描述文件',
  downloaded: (file: string) => `已下载 ${file}。请按下面的步骤安装。`,
  unsigned:
    '这个描述文件没有签名，安装时设备会显示“未签名”（英文系统显示“Unsigned”）。文件在你的浏览器里生成，内容只有上表中的服务器设置，可以用文本编辑器打开查看。',
  noPassword: '文件里不含密码：安装时设备会要求输入邮箱密码（或三方客户端安全密码），密码只保存在设备上。',
  iosTitle: 'iPhone、iPad',
  iosSteps: [
    '在 iPhone 或 iPad 上用 Safari 打开本页，下载描述文件；出现提示时点“允许”。',
    '打开“设置”，点靠近顶部的“已下载描述文件”。如果没有看到，到“通用” › “VPN与设备管理”中找（菜单名称随系统版本略有不同）。',
    '点“安装”，输入设备密码，然后按提示输入邮箱密码。下载后长时间未安装的描述文件会被系统删除，重新下载即可。',
  ],
  macTitle: 'Mac',
  macSteps: [
    '双击下载的 .mobileconfig 文件。',
    '打开“系统设置”，在搜索栏输入“描述文件”找到它（较新的 macOS 在“通用” › “设备管理”，macOS 13、14 在“隐私与安全性” › “描述文件”，更早的版本在“系统偏好设置” › “描述文件”）。',
    '双击该描述文件，点“安装”，输入 Mac 的登录密码，然后按提示输入邮箱密码。',
  ],
  removeNote: '以后要删除这个账户，在同一位置移除描述文件即可。',
  errors: {
    empty: () => '请输入邮箱地址，例如 zhang@example.com。',
    'missing-at': (v: string) => `“${v}”缺少 @。请输入完整的邮箱地址，例如 zhang@example.com。`,
    'multiple-at': () => '一次只能输入一个邮箱地址，地址中只能有一个 @。',
    'empty-local-part': () => '@ 前面缺少用户名，例如 zhang@example.com 中的 zhang。',
    'invalid-local-part': (_v: string, d: string) =>
      `@ 前面的用户名含有不能使用的字符“${d}”。只能使用英文字母、数字和 . _ - + 等符号。`,
    'local-part-dots': () => '@ 前面的用户名不能以点开头或结尾，也不能有两个连续的点。',
    'local-part-too-long': () => '@ 前面的用户名最多 64 个字符。',
    'invalid-domain': (_v: string, d: string) => `@ 后面的域名有误：${d}`,
    'too-long': () => '邮箱地址最多 254 个字符。',
  } satisfies Record<EmailErrorReason, (value: string, detail: string) => string>,
  noSecureServer: '这个邮箱服务没有公布加密的收信或发信端口，无法生成描述文件。',
};

type Strings = typeof zh;

const en: Strings = {
  providerLabel: 'Mail service',
  tableCaption: (provider: string) => `${provider}: the servers to enter in a mail client`,
  colProtocol: 'Protocol',
  colServer: 'Server',
  colPort: 'Port',
  colSecurity: 'Security',
  protocols: {
    imap: 'IMAP',
    pop3: 'POP3',
    smtp: 'SMTP',
  },
  roles: {
    imap: 'incoming (recommended)',
    pop3: 'incoming',
    smtp: 'outgoing',
  },
  security: {
    ssl: 'SSL/TLS',
    starttls: 'STARTTLS',
    plain: 'None',
  },
  copyHost: (protocol: string, host: string) => `Copy the ${protocol} server ${host}`,
  notListed: 'Not published for this edition: check the admin console or the help pages',
  securityNote:
    'Choose SSL/TLS as the security (some clients call it “SSL” or “use secure connection”), not STARTTLS. Do not switch to an unencrypted port or to port 587.',
  userNameLabel: 'User name',
  userNameValue: 'The full address, e.g. zhang@example.com — not just zhang.',
  passwordLabel: 'Password',
  passwordValue:
    'The mailbox password; if the third-party client security password is switched on, that password instead.',
  passwordLink: 'Third-party client security password',
  smtpAuthLabel: 'Outgoing server authentication',
  smtpAuthValue: 'Switch on “requires authentication” and use the same user name and password as for incoming mail.',
  adminNote:
    'An administrator must allow the account to use IMAP/POP (third-party clients); otherwise sign-in fails even with the right password.',

  profileTitle: 'Set up Mail on iPhone, iPad and Mac in one step',
  profileIntro:
    'Enter the address and download a configuration profile (.mobileconfig). Once it is installed, Mail has the IMAP and SMTP servers, ports and user name from the table above.',
  emailLabel: 'Email address',
  emailHint: 'The full address, e.g. zhang@example.com',
  emailPlaceholder: (domain: string) => `name@${domain}`,
  nameLabel: 'Sender name (optional)',
  nameHint: 'The name recipients see, e.g. Zhang San',
  download: 'Download profile for iPhone/iPad/Mac',
  downloaded: (file: string) => `Downloaded ${file}. Install it with the steps below.`,
  unsigned:
    'The profile is not signed: the device shows it as “Unsigned” (“未签名” on a Chinese system). It is generated in your browser and holds only the server settings from the table above; you can open it in a text editor to see for yourself.',
  noPassword:
    'It contains no password: the device asks for the mailbox password (or the third-party client security password) during installation and keeps it on the device.',
  iosTitle: 'iPhone, iPad',
  iosSteps: [
    'Open this page in Safari on the iPhone or iPad and download the profile; tap “Allow” when asked.',
    'Open Settings and tap “Profile Downloaded” near the top. If it is not there, look under General › VPN & Device Management (the names vary a little between versions).',
    'Tap “Install”, enter the device passcode, then the mailbox password when asked. A downloaded profile that is not installed for a while is removed by the system; just download it again.',
  ],
  macTitle: 'Mac',
  macSteps: [
    'Double-click the downloaded .mobileconfig file.',
    'Open System Settings and type “Profiles” in its search field (newer macOS versions list it under General › Device Management, macOS 13 and 14 under Privacy & Security › Profiles, older versions under System Preferences › Profiles).',
    'Double-click the profile, click “Install”, enter the Mac login password, then the mailbox password when asked.',
  ],
  removeNote: 'To remove the account later, remove the profile in the same place.',
  errors: {
    empty: () => 'Enter an email address, for example zhang@example.com.',
    'missing-at': (v: string) => `“${v}” has no @. Enter the full address, for example zhang@example.com.`,
    'multiple-at': () => 'Enter one address at a time: an address has exactly one @.',
    'empty-local-part': () => 'The name before the @ is missing, like zhang in zhang@example.com.',
    'invalid-local-part': (_v: string, d: string) =>
      `The name before the @ has a character an address cannot use: “${d}”. Use letters, digits and signs such as . _ - +.`,
    'local-part-dots': () => 'The name before the @ cannot start or end with a dot or have two dots in a row.',
    'local-part-too-long': () => 'The name before the @ can be at most 64 characters long.',
    'invalid-domain': (_v: string, d: string) => `The domain after the @ is not right: ${d}`,
    'too-long': () => 'An email address can be at most 254 characters long.',
  },
  noSecureServer: 'This mail service publishes no encrypted incoming or outgoing port, so no profile can be made.',
};

export const strings = { zh, en } as const;
export type { Protocol };
