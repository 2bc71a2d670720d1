/**
 * Reading a bounce: a delivery status notification (RFC 3464
 * message/delivery-status, RFC 6533 message/global-delivery-status) or a
 * plain-text non-delivery notice in English or Chinese (Postfix, Exim, qmail,
 * Gmail, Microsoft, Chinese providers' wording). For each failed recipient:
 * the enhanced status code (RFC 3463), the SMTP reply code and text, the
 * recipient, the remote server; then an explanation from ./bounce-data.ts
 * (documented provider texts first, else the code's class, subject and
 * detail). Also the returned message or its headers, when the bounce carries
 * them. Untrusted text throughout: every regex is bounded, every field is
 * optional.
 */
import { parseAddressList, type Mailbox } from './address';
import { decodeUnlabelled } from './bytes';
import { decodeHeaderValue } from './encoded-words';
import { firstField, splitMessage, type HeaderField } from './header';
import { decodeBody, partText, walkParts, type MimePart } from './mime';
import { normaliseIp } from './received';
import {
  BOUNCE_PATTERNS,
  PROVIDER_HINTS,
  STATUS_DETAIL_INFO,
  STATUS_DETAILS,
  type BounceCause,
  type BounceFix,
  type BounceId,
  type BounceProvider,
  type BounceText,
  type BounceTexts,
  type GuideSlug,
  type StatusDetail,
} from './bounce-data';

export interface BounceExplanation {
  /** The documented provider case that matched, if any. */
  readonly id?: BounceId;
  readonly provider?: BounceProvider;
  /** The enhanced status code explained (x.y.z). */
  readonly status?: string;
  readonly statusClass?: '2' | '4' | '5';
  readonly subject?: '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7';
  readonly detail?: StatusDetail;
  readonly cause: BounceCause;
  readonly fix: BounceFix;
  readonly guide: GuideSlug;
  /** The provider's documentation for a matched case. */
  readonly source?: string;
}

export interface BounceRecipient {
  readonly recipient?: string;
  readonly originalRecipient?: string;
  /** RFC 3464 Action: failed, delayed, delivered, relayed, expanded. */
  readonly action?: string;
  /** Enhanced status code x.y.z. */
  readonly status?: string;
  /** SMTP reply code (550). */
  readonly reply?: number;
  /** The remote server's text (untrusted), whitespace collapsed, repeated reply prefixes removed. */
  readonly diagnostic?: string;
  readonly remoteMta?: string;
  readonly remoteIp?: string;
  readonly explanation: BounceExplanation;
}

export interface ReturnedMessage {
  readonly headers: readonly HeaderField[];
  /** Undefined when only headers were returned. */
  readonly body: string | undefined;
  readonly subject?: string;
  readonly from?: Mailbox;
  readonly to?: string;
  readonly messageId?: string;
  readonly date?: string;
}

export interface BounceReport {
  /** `dsn`: a machine-readable delivery-status part; `text`: read from the wording. */
  readonly kind: 'dsn' | 'text';
  readonly reportingMta?: string;
  readonly recipients: readonly BounceRecipient[];
  readonly returned?: ReturnedMessage;
}

const STATUS_RE = /(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d]|\.\d)/;
const EMAIL_RE = /[A-Za-z0-9._%+=#'-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+/;

/** Remove the `550-5.7.26 ` prefixes a multi-line SMTP reply repeats on every line. */
function cleanDiagnostic(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim().slice(0, 2000);
  const m = /^(\d{3})[ -]((?:[245]\.\d{1,3}\.\d{1,3})?)\s*/.exec(t);
  if (!m) return t;
  const prefix = new RegExp(`\\s${m[1]}[ -]${m[2] ? `${m[2].replace(/\./g, '\\.')}\\s?` : ''}`, 'g');
  return t.slice(0, m[0].length) + t.slice(m[0].length).replace(prefix, ' ').replace(/\s+/g, ' ').trim();
}

function statusOf(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m = STATUS_RE.exec(text);
  return m ? `${m[1]}.${Number(m[2])}.${Number(m[3])}` : undefined;
}

/**
 * The status code to explain: the DSN's Status field, unless it says only
 * x.0.0 ("other or undefined") while the remote server's own reply carries a
 * more specific code of the same class (Postfix writes `Status: 5.0.0` for
 * `550 5.7.26 …`): that one says more.
 */
function specificStatus(field: string | undefined, diagnostic: string | undefined): string | undefined {
  if (field === undefined) return diagnostic;
  if (diagnostic !== undefined && /^[245]\.0\.0$/.test(field) && !/^[245]\.0\.0$/.test(diagnostic) && diagnostic[0] === field[0]) return diagnostic;
  return field;
}

function replyOf(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const m = /(?<![\d.])([245]\d\d)(?=[ -]|$)/.exec(text.trim());
  return m ? Number(m[1]) : undefined;
}

/** Explain one failure: documented provider texts first, then the status code's meaning. */
export function explainBounce(input: { status?: string; reply?: number; diagnostic?: string; remote?: string }): BounceExplanation {
  const text = input.diagnostic ?? '';
  const context = `${text} ${input.remote ?? ''}`;
  const status = input.status;
  for (const p of BOUNCE_PATTERNS) {
    if (p.status && (status === undefined || (p.status instanceof RegExp ? !p.status.test(status) : !p.status.includes(status)))) continue;
    const textMatched = p.text ? p.text.test(text) : true;
    if (!textMatched) continue;
    const hinted = PROVIDER_HINTS[p.provider].test(context);
    if (!hinted && !(p.textIsUnique && p.text)) continue;
    return {
      id: p.id,
      provider: p.provider,
      ...(status ? { status } : {}),
      ...classParts(status, input.reply),
      cause: p.cause,
      fix: p.fix,
      guide: p.guide,
      source: p.source,
    };
  }
  const parts = classParts(status, input.reply);
  if (parts.detail) {
    const info = STATUS_DETAIL_INFO[parts.detail];
    return { ...(status ? { status } : {}), ...parts, cause: parts.statusClass === '4' && info.fix === 'recipient' ? 'temporary' : info.cause, fix: info.fix, guide: info.guide };
  }
  if (parts.statusClass === '4') return { ...(status ? { status } : {}), ...parts, cause: 'temporary', fix: 'wait', guide: 'reference/bounce-codes' };
  return { ...(status ? { status } : {}), ...parts, cause: 'other', fix: 'read-text', guide: 'reference/bounce-codes' };
}

function classParts(status: string | undefined, reply: number | undefined): Pick<BounceExplanation, 'statusClass' | 'subject' | 'detail'> {
  if (status) {
    const [c, s, d] = status.split('.');
    const key = `${s}.${d}`;
    return {
      statusClass: c as '2' | '4' | '5',
      ...(Number(s) <= 7 ? { subject: s as BounceExplanation['subject'] & string } : {}),
      ...((STATUS_DETAILS as readonly string[]).includes(key) ? { detail: key as StatusDetail } : {}),
    };
  }
  if (reply !== undefined) {
    const c = String(reply)[0];
    if (c === '2' || c === '4' || c === '5') return { statusClass: c };
  }
  return {};
}

function dsnValue(fields: readonly HeaderField[], name: string): string | undefined {
  const f = firstField(fields, name);
  if (!f) return undefined;
  const v = decodeUnlabelled(f.value).replace(/\s+/g, ' ').trim();
  // "rfc822; a@b", "dns; mx.example.net", "smtp; 550 …": drop the type.
  const semi = v.indexOf(';');
  return (semi >= 0 && semi < 20 ? v.slice(semi + 1) : v).trim();
}

function remoteParts(remote: string | undefined): { remoteMta?: string; remoteIp?: string } {
  if (!remote) return {};
  const host = /^([A-Za-z0-9._-]+?)\.?(?:\s|$|\[|\()/.exec(remote)?.[1];
  const ipText = /\[([0-9a-fA-F:.]+)\]|\(([0-9a-fA-F:.]{7,})[,)]/.exec(remote);
  const ip = ipText ? normaliseIp(ipText[1] ?? ipText[2] ?? '') : normaliseIp(remote);
  return { ...(host && !normaliseIp(host) ? { remoteMta: host.toLowerCase() } : {}), ...(ip ? { remoteIp: ip } : {}) };
}

function readDsn(part: MimePart): { reportingMta?: string; recipients: BounceRecipient[] } {
  const text = decodeBody(part).replace(/^(?:\r\n)+/, '');
  const groups = text.split(/\r\n(?:[ \t]*\r\n)+/).slice(0, 101);
  let reportingMta: string | undefined;
  const recipients: BounceRecipient[] = [];
  for (const group of groups) {
    const fields = splitMessage(group).fields;
    if (fields.length === 0) continue;
    const reporting = dsnValue(fields, 'reporting-mta');
    if (reporting) reportingMta ??= reporting.toLowerCase();
    const final = dsnValue(fields, 'final-recipient');
    const original = dsnValue(fields, 'original-recipient');
    const statusField = dsnValue(fields, 'status');
    if (!final && !original && !statusField) continue;
    const diagnosticRaw = dsnValue(fields, 'diagnostic-code');
    const diagnostic = diagnosticRaw ? cleanDiagnostic(diagnosticRaw) : undefined;
    const status = specificStatus(statusOf(statusField), statusOf(diagnostic));
    const reply = replyOf(diagnostic);
    const remote = dsnValue(fields, 'remote-mta');
    const action = dsnValue(fields, 'action')?.toLowerCase().split(/\s/)[0];
    recipients.push({
      ...(final ? { recipient: final } : original ? { recipient: original } : {}),
      ...(original ? { originalRecipient: original } : {}),
      ...(action ? { action } : {}),
      ...(status ? { status } : {}),
      ...(reply !== undefined ? { reply } : {}),
      ...(diagnostic ? { diagnostic } : {}),
      ...remoteParts(remote),
      explanation: explainBounce({
        ...(status ? { status } : {}),
        ...(reply !== undefined ? { reply } : {}),
        ...(diagnostic ? { diagnostic } : {}),
        ...(remote ? { remote: `${remote} ${reportingMta ?? ''}` } : reportingMta ? { remote: reportingMta } : {}),
      }),
    });
  }
  return { ...(reportingMta ? { reportingMta } : {}), recipients };
}

/** Wording that marks a non-delivery notice (English and Chinese). */
const BOUNCE_WORDING =
  /could ?n[o']t be delivered|delivery (?:has )?failed|delivery to the following recipients? failed|undeliver|was not delivered|wasn't delivered|permanent (?:error|fatal)|returned mail|delivery status notification|I'm sorry to have to inform you|the response (?:from the remote server )?was|remote (?:host|server) (?:said|returned)|SMTP error from remote|failed permanently|rejected your message|message not delivered|non-?delivery|退信|退回|投递失败|无法投递|发送失败|未能送达|未送达|無法傳遞|投遞失敗/i;
const BOUNCE_SUBJECT =
  /undeliver|delivery status notification|mail delivery (?:failed|failure|subsystem)|failure notice|returned mail|delivery failure|nondeliverable|non-delivery|退信|投递失败|未能送达|无法投递|系统退信|邮件被退回|發送失敗/i;
const DAEMON = /mailer-daemon|postmaster|mail delivery (?:system|subsystem)/i;

/** Find the failure in a plain-text notice. */
function readText(text: string, hintRecipients: readonly string[]): BounceRecipient[] {
  const t = text.replace(/\r\n/g, '\n').slice(0, 200_000);
  const out: BounceRecipient[] = [];
  const push = (r: { recipient?: string; diagnostic?: string; remoteMta?: string; remoteIp?: string; status?: string }) => {
    const diagnostic = r.diagnostic ? cleanDiagnostic(r.diagnostic) : undefined;
    const status = r.status ?? statusOf(diagnostic);
    const reply = replyOf(diagnostic);
    out.push({
      ...(r.recipient ? { recipient: r.recipient } : {}),
      ...(status ? { status } : {}),
      ...(reply !== undefined ? { reply } : {}),
      ...(diagnostic ? { diagnostic } : {}),
      ...(r.remoteMta ? { remoteMta: r.remoteMta.toLowerCase().replace(/\.$/, '') } : {}),
      ...(r.remoteIp ? { remoteIp: r.remoteIp } : {}),
      explanation: explainBounce({
        ...(status ? { status } : {}),
        ...(reply !== undefined ? { reply } : {}),
        ...(diagnostic ? { diagnostic } : {}),
        remote: `${r.remoteMta ?? ''} ${r.recipient ?? ''}`,
      }),
    });
  };

  // Postfix: <rcpt>: host mx.example.net[192.0.2.1] said: 550 5.1.1 … (in reply to RCPT TO command)
  const postfix = /<([^<>\s]{1,254})>:\s*host\s+([^\s[\]]{1,253})\[([^\]]{1,60})\]\s+said:\s*([\s\S]{1,3000}?)\s*\(in reply to [^)]{1,60}\)/gi;
  for (const m of t.matchAll(postfix)) {
    const ip = normaliseIp(m[3]!);
    push({ recipient: m[1]!, remoteMta: m[2]!, ...(ip ? { remoteIp: ip } : {}), diagnostic: m[4]! });
    if (out.length >= 20) return out;
  }
  if (out.length > 0) return out;

  // Microsoft: Remote Server returned '550 5.4.1 …'
  const ms = /Remote Server returned '([^']{1,2000})'/i.exec(t);
  // Gmail: "The response from the remote server was:" / "The response was:" / "The error that the other server returned was:"
  const gmail = /(?:the response (?:from the remote server )?was|the error that the other server returned was):?\s*\n?\s*([\s\S]{1,2000}?)(?:\n\s*\n|$)/i.exec(t);
  // Exim: SMTP error from remote mail server after RCPT TO:<x>:\n    550 …
  const exim = /SMTP error from remote (?:mail )?server after [^\n]{0,300}:\s*\n?\s*(?:host\s+\S+\s+\[[^\]]+\]:\s*)?([\s\S]{1,2000}?)(?:\n\s*\n|$)/i.exec(t);
  // qmail: Remote host said: 550 …
  const qmail = /Remote host said:\s*([^\n]{1,2000})/i.exec(t);
  // Chinese notices: 退信原因：… / 失败原因：… / 错误原因：…
  const zh = /(?:退信原因|失败原因|错误原因|退回原因|原因)\s*[:：]\s*([^\n]{1,2000})/.exec(t);
  // Anything with a status code.
  const anyLine = /^[^\n]*(?<![\d.])[245]\.\d{1,3}\.\d{1,3}(?![\d]|\.\d)[^\n]*$/m.exec(t);
  const anyReply = /^[^\n]*\b[45]\d\d\b[ -][^\n]*$/m.exec(t);

  const diagnostic = (ms?.[1] ?? gmail?.[1] ?? exim?.[1] ?? qmail?.[1] ?? zh?.[1] ?? anyLine?.[0] ?? anyReply?.[0])?.trim();

  // Remote server.
  const hostBracket = /\bhost\s+([A-Za-z0-9._-]{3,253})\.?\s*\[([0-9a-fA-F:.]{3,60})\]/i.exec(t);
  const gmailHost = /by\s+([A-Za-z0-9._-]{3,253}?)\.?\s+\[([0-9a-fA-F:.]{3,60})\]/i.exec(t);
  const msHost = /^\s*(?:Remote server|Remote-MTA)\s*[:：]?\s*(?:dns;\s*)?([A-Za-z0-9._-]{3,253})/im.exec(t);
  const zhHost = /(?:对方服务器|远程服务器|收件服务器|对方主机)\s*[:：]?\s*([A-Za-z0-9._-]{3,253})(?:\s*[[(]([0-9a-fA-F:.]{3,60})[\])])?/.exec(t);
  const host = hostBracket ?? gmailHost;
  const remoteMta = host?.[1] ?? msHost?.[1] ?? zhHost?.[1];
  const remoteIpText = host?.[2] ?? zhHost?.[2];
  const remoteIp = remoteIpText ? normaliseIp(remoteIpText) : undefined;

  // Recipient: a labelled one, one in angle brackets, or X-Failed-Recipients.
  const zhRcpt = /(?:收件人|收信人|被退回的收件人|收件地址)\s*[:：]\s*<?([^\s<>，,；;]+@[^\s<>，,；;]+)>?/.exec(t)?.[1];
  const angled = /<([^<>\s]{1,254}@[^<>\s]{1,254})>\s*:/.exec(t)?.[1];
  const msRcpt = /^\s*([^\s<>()@]{1,64}@[^\s<>()]{1,253})\s*$/m.exec(t)?.[1];
  const recipient = hintRecipients[0] ?? zhRcpt ?? angled ?? msRcpt ?? (diagnostic ? EMAIL_RE.exec(diagnostic)?.[0] : undefined);

  if (!diagnostic && !recipient) return out;
  push({
    ...(recipient ? { recipient: recipient.replace(/[.,;:]+$/, '') } : {}),
    ...(diagnostic ? { diagnostic } : {}),
    ...(remoteMta ? { remoteMta } : {}),
    ...(remoteIp ? { remoteIp } : {}),
  });
  return out;
}

function returnedFromFields(fields: readonly HeaderField[], body: string | undefined): ReturnedMessage | undefined {
  if (fields.length === 0) return undefined;
  const subject = firstField(fields, 'subject');
  const from = firstField(fields, 'from');
  const to = firstField(fields, 'to');
  const mid = firstField(fields, 'message-id');
  const date = firstField(fields, 'date');
  const fromBox = from ? parseAddressList(from.value).mailboxes[0] : undefined;
  return {
    headers: fields,
    body,
    ...(subject ? { subject: decodeHeaderValue(subject.value, 'subject').text } : {}),
    ...(fromBox ? { from: fromBox } : {}),
    ...(to ? { to: decodeHeaderValue(to.value, 'to').text } : {}),
    ...(mid ? { messageId: decodeUnlabelled(mid.value).trim() } : {}),
    ...(date ? { date: decodeUnlabelled(date.value).trim() } : {}),
  };
}

/** Markers before a returned message in plain-text bounces (Exim, qmail, Gmail, Microsoft, Postfix without MIME). */
const RETURNED_MARKERS =
  /^[ \t]*(?:-{2,}\s*This is a copy of the message, including all the headers\.?\s*-{2,}|-{2,}\s*Below this line is a copy of the message\.?|-{2,}\s*Original message\s*-{2,}|Original message headers:|-{2,}\s*The header of the original message is following\.?\s*-{2,}|-{2,}\s*原始邮件(?:头)?\s*-{2,}|原邮件信息[:：]?)[ \t]*$/im;

function returnedFromText(text: string): ReturnedMessage | undefined {
  const m = RETURNED_MARKERS.exec(text);
  if (!m) return undefined;
  const after = text.slice(m.index + m[0].length).replace(/^(?:\r?\n)+/, '');
  const split = splitMessage(after.replace(/\r?\n/g, '\r\n'));
  if (split.fields.length < 2) return undefined;
  return returnedFromFields(split.fields, split.body);
}

export interface BounceInput {
  readonly fields: readonly HeaderField[];
  /** Root MIME part of the message (undefined for a paste without headers). */
  readonly root?: MimePart;
  /** Body as a byte string (the whole input when there were no headers). */
  readonly body: string | undefined;
}

/** Whether the message is a bounce, and what it says. Undefined when it does not look like one. */
export function readBounce(input: BounceInput): BounceReport | undefined {
  const { fields, root } = input;
  const parts = root ? [...walkParts(root)] : [];
  const dsnPart = parts.find((p) => p.contentType.type === 'message/delivery-status' || p.contentType.type === 'message/global-delivery-status');
  const returnedPart = parts.find((p) => p.message !== undefined && p !== root);
  const returned = returnedPart?.message ? returnedFromFields(returnedPart.message.headers, returnedPart.message.body) : undefined;

  const failedHeader = firstField(fields, 'x-failed-recipients');
  const hintRecipients = failedHeader ? decodeUnlabelled(failedHeader.value).split(',').map((s) => s.trim()).filter(Boolean) : [];

  if (dsnPart) {
    const dsn = readDsn(dsnPart);
    if (dsn.recipients.length > 0) {
      // A human-readable part may name the remote server when the DSN does not.
      return { kind: 'dsn', ...(dsn.reportingMta ? { reportingMta: dsn.reportingMta } : {}), recipients: dsn.recipients, ...(returned ? { returned } : {}) };
    }
  }

  // Plain-text notice: the first text/plain part, or the whole body.
  const textPart = parts.find((p) => p.contentType.type === 'text/plain' && p.parts.length === 0 && !isInsideReturned(p, returnedPart));
  const text = textPart ? partText(textPart) : input.body !== undefined && fields.length === 0 ? decodeUnlabelled(input.body) : root && root.parts.length === 0 ? partText(root) : '';
  const subject = firstField(fields, 'subject');
  const from = firstField(fields, 'from');
  const subjectText = subject ? decodeHeaderValue(subject.value).text : '';
  const looksLikeBounce =
    dsnPart !== undefined ||
    failedHeader !== undefined ||
    BOUNCE_SUBJECT.test(subjectText) ||
    (from !== undefined && DAEMON.test(decodeUnlabelled(from.value))) ||
    (root?.contentType.type === 'multipart/report') ||
    BOUNCE_WORDING.test(text.slice(0, 20_000));
  if (!looksLikeBounce) return undefined;
  const recipients = readText(text, hintRecipients);
  if (recipients.length === 0) return undefined;
  const returnedText = returned ?? returnedFromText(text);
  return { kind: 'text', recipients, ...(returnedText ? { returned: returnedText } : {}) };
}

function isInsideReturned(part: MimePart, returnedPart: MimePart | undefined): boolean {
  if (!returnedPart) return false;
  const prefix = returnedPart.path;
  return part.path.length > prefix.length && prefix.every((x, i) => part.path[i] === x);
}

export interface BounceDescription extends BounceText {
  /** The code's class, subject and detail in words, when a status code is known. */
  readonly classText?: string;
  readonly subjectText?: string;
  readonly detailText?: string;
  readonly guide: GuideSlug;
  readonly source?: string;
}

/**
 * Sentences for an explanation, from one language's texts (BOUNCE_TEXTS_ZH or
 * BOUNCE_TEXTS_EN): passing them in lets a page bundle only its own language.
 */
export function describeBounce(e: BounceExplanation, texts: BounceTexts): BounceDescription {
  const classText = e.statusClass ? texts.classes[e.statusClass] : undefined;
  const subjectText = e.subject ? texts.subjects[e.subject] : undefined;
  const detailText = e.detail ? texts.details[e.detail] : undefined;
  const extra = {
    ...(classText ? { classText } : {}),
    ...(subjectText ? { subjectText } : {}),
    ...(detailText ? { detailText } : {}),
    guide: e.guide,
    ...(e.source ? { source: e.source } : {}),
  };
  if (e.id) return { ...texts.ids[e.id], ...extra };
  const title = e.status ?? (e.statusClass ? `${e.statusClass}xx` : '');
  return {
    title,
    cause: detailText ?? subjectText ?? classText ?? texts.noCode,
    action: e.statusClass === undefined && e.status === undefined ? texts.noCode : texts.fixes[e.fix],
    ...extra,
  };
}
