/**
 * Records as text, the way dig prints them (zone-file presentation format):
 * `example.com. 600 IN MX 10 mx1.qiye.aliyun.com.`. Used by the lookup tool's
 * answer section and "copy as text", and by the propagation tool's answer
 * lists. Everything here is plain text: views must render it as text.
 */
import type { DnsRecord, DnsResponse } from './types';

/** A name with its trailing dot ("." for the root). */
export function fqdn(name: string): string {
  return name === '.' || name === '' ? '.' : `${name}.`;
}

/**
 * One TXT/CAA character-string, quoted: `"` and `\` escaped with a backslash,
 * control characters as \DDD. Other Unicode text is kept readable.
 */
export function quoteString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code < 0x20 || code === 0x7f) out += `\\${code.toString().padStart(3, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** The RDATA part of a record in presentation format. */
export function formatRdata(record: DnsRecord): string {
  switch (record.type) {
    case 'A':
    case 'AAAA':
      return record.data;
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return fqdn(record.data);
    case 'MX':
      return `${record.data.preference} ${fqdn(record.data.exchange)}`;
    case 'TXT':
      return record.data.length === 0 ? '""' : record.data.map(quoteString).join(' ');
    case 'SOA': {
      const d = record.data;
      return `${fqdn(d.mname)} ${fqdn(d.rname)} ${d.serial} ${d.refresh} ${d.retry} ${d.expire} ${d.minimum}`;
    }
    case 'CAA':
      return `${record.data.flags} ${record.data.tag} ${quoteString(record.data.value)}`;
    case 'SRV': {
      const d = record.data;
      return `${d.priority} ${d.weight} ${d.port} ${fqdn(d.target)}`;
    }
    case 'DS': {
      const d = record.data;
      return `${d.keyTag} ${d.algorithm} ${d.digestType} ${d.digest}`;
    }
    default:
      // RFC 3597 generic form for types this site does not decode.
      return `\\# ${record.data.length / 2}${record.data ? ` ${record.data}` : ''}`;
  }
}

/** One answer line: `name. TTL IN TYPE data`. */
export function formatRecord(record: DnsRecord): string {
  return `${fqdn(record.name)}\t${record.ttl}\tIN\t${record.type}\t${formatRdata(record)}`;
}

/** Header flags as dig lists them, for the ones a DoH answer carries. */
export function formatFlags(response: Pick<DnsResponse, 'ad' | 'tc'>): string[] {
  return [...(response.tc ? ['tc'] : []), ...(response.ad ? ['ad'] : [])];
}

export interface ResponseTextOptions {
  /** Resolver label for the footer, e.g. "AliDNS (https://dns.alidns.com/dns-query)". */
  readonly resolver?: string;
}

/** A whole response as dig-like text, for "copy as text". */
export function formatResponse(response: DnsResponse, options: ResponseTextOptions = {}): string {
  const flags = formatFlags(response);
  const lines = [
    `;; ${fqdn(response.name)} ${response.type}`,
    `;; status: ${response.rcode}${flags.length ? `, flags: ${flags.join(' ')}` : ''}`,
    '',
    ';; ANSWER SECTION:',
    ...response.answers.map(formatRecord),
  ];
  if (response.authority.length > 0) lines.push('', ';; AUTHORITY SECTION:', ...response.authority.map(formatRecord));
  lines.push('', `;; SERVER: ${options.resolver ?? response.resolverId}`, `;; Query time: ${response.elapsedMs} msec`);
  return lines.join('\n');
}
