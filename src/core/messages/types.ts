/**
 * The shape every language file in this folder fills in: the text of each
 * finding (typed against its parameters, so a missing or extra message is a
 * type error), record names, parser reasons and domain-input errors. One file per language; a translator reads one file.
 */
import type { DomainErrorCode } from '../domain';
import type { HostId } from '../hosts/index';
import type { FindingOf, ProblemCode, SpfBrokenReason } from '../findings/index';
import type { DkimErrorCode } from '../records/dkim';
import type { DmarcErrorCode } from '../records/dmarc';
import type { SpfErrorCode } from '../records/spf';
import type { Lang, RecordId } from '../types';

export interface FindingText {
  /** What is wrong, naming the values involved. */
  readonly text: string;
  /** What to change. */
  readonly fix: string;
}

export interface Messages {
  readonly lang: Lang;
  /** The text of each finding. */
  readonly findings: { readonly [C in ProblemCode]: (f: FindingOf<C>) => FindingText };
  /** A record as named in a sentence ("MX 记录", "MX record"). */
  readonly records: { readonly [R in RecordId]: string };
  /** Why an SPF term is wrong. */
  readonly spfReasons: { readonly [C in SpfErrorCode]: string };
  readonly spfBroken: { readonly [R in SpfBrokenReason]: string };
  readonly dmarcReasons: { readonly [C in DmarcErrorCode | 'multiple']: string };
  readonly dkimReasons: { readonly [C in DkimErrorCode | 'multiple' | 'not-dkim']: string };
  /** A domain the reader typed that cannot be used: `value` as typed, `detail` the offending part. */
  readonly domainErrors: { readonly [C in DomainErrorCode]: (value: string, detail: string) => string };
  /** What to watch for when adding records at each DNS host whose console the guide describes. */
  readonly hostPitfalls: { readonly [H in HostId]: readonly string[] };
  /** 600 → "10 分钟" / "10 minutes". */
  readonly duration: (seconds: number) => string;
}
