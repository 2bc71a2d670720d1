/**
 * The shape of the message analyser's text, one file per language
 * (./strings.zh.ts, ./strings.en.ts). Every record below is keyed by the
 * core's codes (input errors, DKIM reasons and notes, hop flags, DMARC advice,
 * verdicts, guide pages), so a code without its text — or a text for a code
 * that no longer exists — is a type error. Each page bundles only its own
 * language: the .astro wrapper picks the entry (./MessageAnalyserZh.tsx or
 * ./MessageAnalyserEn.tsx) that imports one of these files.
 */
import type {
  AuthResult,
  BounceTexts,
  DkimNote,
  DkimReason,
  DmarcAdvice,
  DmarcSection,
  GuideSlug,
  HopFlag,
  Lang,
  MessageInputErrorCode,
  SpfSection,
  VerdictCode,
} from '~/core';

/** What a verdict sentence may mention. */
export interface VerdictFacts {
  /** The From domain. */
  readonly from?: string | undefined;
  /** The DMARC policy that applies to a failing message (one level lower than stated under t=y). */
  readonly policy?: 'none' | 'quarantine' | 'reject' | undefined;
  /** The domain's record says t=y (testing). */
  readonly testing?: boolean | undefined;
  /** The policy the record states, when t=y makes `policy` lower. */
  readonly stated?: 'none' | 'quarantine' | 'reject' | undefined;
  /** Why DMARC gave no verdict, when the verdict rests on SPF and DKIM alone. */
  readonly dmarcProblem?: DmarcNotRun | 'permerror' | undefined;
  /** Bounce: the first failed recipient, its status code, the server that refused it. */
  readonly recipient?: string | undefined;
  readonly status?: string | undefined;
  readonly remote?: string | undefined;
  /** Bounce: the explanation's title. */
  readonly title?: string | undefined;
  /** Bounce: a temporary failure (4.x.x, or Action: delayed). */
  readonly temporary?: boolean | undefined;
}

/** Result words shown on badges: RFC 8601 words and our "still checking". */
export type ResultWord = AuthResult | 'pending';

export type SpfNotRun = NonNullable<SpfSection['reason']>;
export type DmarcNotRun = NonNullable<DmarcSection['reason']>;
export type IpSource = NonNullable<SpfSection['ipSource']>;

/**
 * A language's words, as its file (strings.zh.ts, strings.en.ts) holds them and
 * the page loads them. The bounce sentences (the core's BOUNCE_TEXTS_*, about
 * 4.5 KB gzip a language) are not among them: they load when the visitor first
 * reaches for the input, with the analyser (see MessageAnalyser.tsx).
 */
export interface MessageWords {
  readonly lang: Lang;
  /** The tool's name as the page title gives it (the report's first line). */
  readonly title: string;

  readonly form: {
    readonly textLabel: string;
    readonly textHint: string;
    readonly fileLabel: string;
    readonly fileHint: string;
    readonly fileChosen: (name: string, size: string) => string;
    readonly clearFile: string;
    readonly options: string;
    readonly ipLabel: string;
    readonly ipHint: string;
    readonly ipInvalid: (value: string) => string;
    readonly analyse: string;
    readonly analysing: string;
    readonly privacy: string;
    /** Bytes in words ("1.2 MB"). */
    readonly size: (bytes: number) => string;
  };

  readonly verdict: {
    readonly label: string;
    readonly texts: Readonly<Record<VerdictCode, (facts: VerdictFacts) => string>>;
    readonly failed: string;
    readonly checkDomain: (domain: string) => string;
  };

  readonly sections: {
    readonly input: string;
    readonly bounce: string;
    readonly receiver: string;
    readonly verify: string;
    readonly hops: string;
    readonly headers: string;
  };

  readonly results: Readonly<Record<ResultWord, string>>;
  readonly methods: Readonly<Record<'spf' | 'dkim' | 'dmarc' | 'arc', string>>;

  readonly inputErrors: Readonly<Record<MessageInputErrorCode, (detail: string | undefined, line: number | undefined) => string>>;

  readonly bounce: {
    readonly recipient: string;
    readonly status: string;
    readonly reply: string;
    readonly remote: string;
    readonly reportingMta: string;
    readonly diagnostic: string;
    readonly action: string;
    readonly cause: string;
    readonly todo: string;
    readonly codeMeaning: string;
    readonly providerSource: string;
    readonly returned: string;
    readonly returnedDkim: string;
    readonly kindText: string;
    readonly none: string;
  };

  readonly receiver: {
    readonly intro: string;
    readonly by: (authservId: string) => string;
    readonly unnamed: string;
    readonly none: string;
    readonly other: string;
    readonly allFields: (n: number) => string;
    readonly arcField: (instance: number | undefined) => string;
    /** The newest ARC set's results, shown beside the Authentication-Results. */
    readonly arcLatest: (instance: number, authservId: string | undefined) => string;
  };

  readonly verify: {
    readonly intro: string;
    readonly checkedNow: string;
    readonly compare: string;
  };

  readonly dkim: {
    readonly heading: string;
    readonly unsigned: string;
    readonly signature: (n: number) => string;
    readonly domain: string;
    readonly selector: string;
    readonly algorithm: string;
    readonly canonicalization: string;
    readonly keyLabel: string;
    readonly keyValue: (type: string, bits: number) => string;
    readonly bodyHash: string;
    readonly headerSignature: string;
    readonly matched: string;
    readonly mismatched: string;
    readonly notChecked: string;
    readonly signedHeaders: (n: number) => string;
    readonly signedAt: string;
    readonly expires: string;
    readonly reasons: Readonly<Record<DkimReason, string>>;
    readonly notes: Readonly<Record<DkimNote, string>>;
    readonly headersOnly: string;
  };

  readonly spf: {
    readonly heading: string;
    readonly ip: string;
    readonly ipSource: Readonly<Record<IpSource, string>>;
    readonly sender: string;
    readonly nullSender: string;
    readonly helo: string;
    readonly domain: string;
    readonly explanation: string;
    readonly notRun: Readonly<Record<SpfNotRun, string>>;
    readonly resultMeaning: Readonly<Record<'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'permerror' | 'temperror', string>>;
  };

  readonly dmarc: {
    readonly heading: string;
    readonly fromDomain: string;
    readonly policy: string;
    readonly policyAt: (domain: string) => string;
    readonly orgDomain: string;
    readonly alignment: string;
    readonly strict: string;
    readonly relaxed: string;
    readonly spfAligned: (domain: string) => string;
    readonly spfNotAligned: string;
    readonly dkimAligned: (domains: string) => string;
    readonly dkimNotAligned: string;
    readonly applied: (policy: string) => string;
    /** The policy applied under t=y, and the one the record states. */
    readonly appliedTesting: (applied: string, stated: string) => string;
    readonly testing: string;
    /** A temperror: why it could not be decided (a DNS failure, or this browser). */
    readonly undecided: Readonly<Record<'dns' | 'browser', string>>;
    /** A permerror: the record could not be used. */
    readonly unusable: string;
    readonly notRun: Readonly<Record<DmarcNotRun, string>>;
    readonly fix: string;
    readonly advice: Readonly<Record<DmarcAdvice, string>>;
  };

  readonly hops: {
    readonly intro: string;
    readonly none: string;
    readonly from: string;
    readonly by: string;
    readonly with: string;
    readonly time: string;
    readonly delay: string;
    /** The label of a delay measured from an earlier hop than the previous one (1-based), across hops without a time. */
    readonly delaySince: (hop: number) => string;
    /** A hop after the first whose delay cannot be measured (no time here, or none before). */
    readonly delayUnknown: string;
    readonly tls: (version: string | undefined) => string;
    readonly noTls: string;
    readonly tlsUnknown: string;
    readonly internal: string;
    readonly total: (duration: string) => string;
    readonly duration: (seconds: number) => string;
    readonly unknownZone: string;
    readonly connecting: string;
    readonly flags: Readonly<Record<HopFlag, string>>;
    readonly raw: string;
  };

  readonly headers: {
    readonly subject: string;
    readonly from: string;
    readonly to: string;
    readonly date: string;
    readonly messageId: string;
    readonly returnPath: string;
    readonly count: (n: number) => string;
    readonly none: string;
  };

  readonly notes: {
    readonly lineEndings: string;
    readonly indentation: string;
    readonly mbox: string;
    readonly truncated: string;
  };

  /** Titles of the guide pages, as link text. */
  readonly guides: Readonly<Record<GuideSlug, string>>;
  readonly readGuide: (title: string) => string;

  readonly report: {
    readonly authLabel: (method: string, source: string) => string;
    readonly browser: string;
    readonly receiver: string;
    readonly hop: (n: number) => string;
    readonly bounceRow: (recipient: string) => string;
    readonly inputRow: string;
    readonly headersRow: string;
  };
}

/** The words with the bounce sentences: what the result views and the report use. */
export type MessageStrings = MessageWords & { readonly bounce: MessageWords['bounce'] & { readonly texts: BounceTexts } };

/** With the bounce sentences once they have loaded. */
export const withBounceTexts = (t: MessageWords, texts: BounceTexts): MessageStrings => ({ ...t, bounce: { ...t.bounce, texts } });
