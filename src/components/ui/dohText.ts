/**
 * Words for DoH outcomes, shared by the DNS tools: why a resolver could not be
 * asked (by DohError code, never by parsing messages) and what an rcode means.
 * Which resolver is asked first is not decided by the page language but by who
 * answers first (core's createLeader); ResolverPicker shows the order in use.
 */
import type { DohError, Rcode, Resolver, RRType } from '~/core';
import type { Lang } from '~/core';

const seconds = (ms: number): string => String(Math.round(ms / 100) / 10);

/** Why a resolver gave no answer, for a reader. `timeoutMs` is the limit the widget used. */
export function dohErrorText(
  error: DohError,
  lang: Lang,
  resolver: Pick<Resolver, 'region'> | undefined,
  timeoutMs: number,
): string {
  const zh = lang === 'zh';
  const blockedNote =
    resolver?.region === 'global'
      ? zh
        ? ' 在中国内地，Google 和 Cloudflare 的解析服务器经常无法访问。'
        : ' From mainland China, Google and Cloudflare resolvers are often blocked.'
      : '';
  switch (error.code) {
    case 'network':
      return (
        (zh
          ? '无法连接：可能是网络不通、该解析服务器被屏蔽，或它不允许网页直接查询（CORS）。浏览器无法区分这几种情况。'
          : 'Could not be reached: the network may be down, the resolver may be blocked, or it does not allow queries from web pages (CORS). A browser cannot tell these apart.') +
        blockedNote
      );
    case 'timeout':
      return (zh ? `${seconds(timeoutMs)} 秒内没有回答。` : `No answer within ${seconds(timeoutMs)} s.`) + blockedNote;
    case 'http-status':
      // 429: too many questions from this network (Alibaba's public DNS limits each source
      // address since 2024, see the facts file); 5xx: the resolver's own failure. Neither says
      // anything about the record: the client asks the next resolver at once.
      if (error.status === 429)
        return zh
          ? '解析服务器限制了来自你的网络的查询次数（HTTP 429），没有给出 DNS 回答。稍后再查，或换一个解析服务器。'
          : 'The resolver is limiting the queries from your network (HTTP 429) and gave no DNS answer. Check again later, or use another resolver.';
      if (error.status !== undefined && error.status >= 500 && error.status <= 599)
        return zh
          ? `解析服务器自身出错（HTTP ${error.status}），没有给出 DNS 回答。`
          : `The resolver had a server error (HTTP ${error.status}) and gave no DNS answer.`;
      return zh
        ? `解析服务器返回了 HTTP 错误 ${error.status ?? ''}，没有给出 DNS 回答。`
        : `The resolver returned HTTP error ${error.status ?? ''} instead of a DNS answer.`;
    case 'malformed':
      return zh
        ? '解析服务器的回复无法读取（不是有效的 DNS 消息，或答非所问）。'
        : 'The resolver’s reply could not be read (not a valid DNS message, or the answer to another question).';
    case 'aborted':
      return zh ? '已停止。' : 'Stopped.';
    case 'invalid-url':
      return zh ? '解析服务器地址无效。' : 'The resolver address is not valid.';
    case 'invalid-name':
      return zh
        ? '这个名称无法查询（有空标签、某个标签超过 63 字节，或整个名称超过 255 字节）。'
        : 'This name cannot be queried (an empty label, a label over 63 bytes, or a name over 255 bytes).';
  }
}

/** What an rcode (and an empty answer) means for the question asked. */
export function rcodeText(rcode: Rcode, answerCount: number, type: RRType, lang: Lang): string {
  const zh = lang === 'zh';
  switch (rcode) {
    case 'NOERROR':
      if (answerCount > 0) return zh ? '查询成功。' : 'The name has records of this type.';
      return zh ? `这个名称存在，但没有 ${type} 记录。` : `The name exists but has no ${type} record.`;
    case 'NXDOMAIN':
      return zh ? '这个名称不存在（NXDOMAIN）。' : 'The name does not exist (NXDOMAIN).';
    case 'SERVFAIL':
      return zh
        ? '解析服务器无法得到回答（SERVFAIL）。常见原因：域名的 DNSSEC 配置有误，或权威 DNS 服务器没有响应。'
        : 'The resolver could not get an answer (SERVFAIL). Common causes: broken DNSSEC for the domain, or its authoritative name servers not responding.';
    case 'REFUSED':
      return zh ? '解析服务器拒绝回答这个查询（REFUSED）。' : 'The resolver refused to answer this query (REFUSED).';
    case 'FORMERR':
      return zh ? '解析服务器认为查询格式有误（FORMERR）。' : 'The resolver considered the query malformed (FORMERR).';
    case 'NOTIMP':
      return zh ? '解析服务器不支持这种查询（NOTIMP）。' : 'The resolver does not support this kind of query (NOTIMP).';
    default:
      return zh ? `解析服务器返回了错误代码 ${rcode}。` : `The resolver returned the error code ${rcode}.`;
  }
}
