/** Strings of the shared widget pieces, both languages side by side. */
import type { Lang } from './i18n';

const zh = {
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
  orderLegend: '先问哪一组解析服务器',
  orderCn: '国内优先（阿里、腾讯 DNSPod）',
  orderGlobal: '海外优先（Google、Cloudflare）',
  orderHint: '先问的那个没有及时回答时，会接着问下一个。',
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
  linkInUse: '正在使用链接中指定的自定义解析服务器：',
  linkStop: '停止使用',
  linkRefused: '链接中指定的解析服务器地址无法使用，已忽略：',
  savedInUse: '正在使用你保存的自定义解析服务器：',
};

type Strings = typeof zh;

const en: Strings = {
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Could not copy automatically. Select the text and copy it by hand.',
  status: {
    ok: 'OK',
    warn: 'Should change',
    fail: 'Problem',
    error: 'Could not check',
    pending: 'Checking…',
    differs: 'Differs',
  },
  resolvers: 'Resolvers',
  orderLegend: 'Which resolvers to ask first',
  orderCn: 'China first (AliDNS, DNSPod)',
  orderGlobal: 'Global first (Google, Cloudflare)',
  orderHint: 'When the first one does not answer in time, the next one is asked as well.',
  customLabel: 'Custom DoH address (optional)',
  customHint:
    'A DNS-over-HTTPS address starting with https://, e.g. https://dns.example.com/dns-query. The server must allow queries from web pages (send CORS headers).',
  customUse: 'Use this address',
  customForget: 'Stop using it',
  customSaved: (url: string) => `Custom resolver saved: ${url}`,
  customRemoved: 'Custom resolver removed.',
  urlErrors: {
    'invalid-url': 'This is not a usable address. Enter a full https:// address.',
    'insecure-url': 'Only https:// addresses are accepted (http:// only for testing on this computer: localhost or 127.0.0.1).',
  },
  linkInUse: 'A custom resolver from the link is in use: ',
  linkStop: 'Stop using it',
  linkRefused: 'The resolver address in the link cannot be used and was ignored: ',
  savedInUse: 'Your saved custom resolver is in use: ',
};

export const uiStrings: Record<Lang, Strings> = { zh, en };
