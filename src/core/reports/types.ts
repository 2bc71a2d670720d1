/**
 * The shapes of the DMARC aggregate report reader (issue 13): what a parsed
 * report looks like, the typed error a refused file gives, and the limits that
 * keep untrusted archives and XML bounded. Pure data; every value here crosses
 * the worker boundary by structured clone, so there are no classes, Maps or
 * functions in these shapes.
 *
 * Absent optional report elements are '' (empty string), never undefined: the
 * shapes stay the same for every reporter, and '' reads as "not reported".
 */

/** RFC 7489 Appendix C (no namespace, or the draft's http://dmarc.org/dmarc-xml/0.1) or RFC 9990. */
export const REPORT_FORMATS = ['rfc7489', 'rfc9990'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The RFC 9990 namespace; any other (or none) is read as the RFC 7489 format. */
export const DMARC2_NAMESPACE = 'urn:ietf:params:xml:ns:dmarc-2.0';

/** One DKIM result in auth_results (a row may carry several). */
export interface DkimAuthResult {
  /** The signature's d= domain, lower-case. */
  readonly domain: string;
  /** The s= selector ('' when the reporter leaves it out, as RFC 7489 allowed). */
  readonly selector: string;
  /** RFC 8601 result word, lower-case: pass, fail, none, policy, neutral, temperror, permerror. */
  readonly result: string;
  readonly humanResult: string;
}

/** One SPF result in auth_results (RFC 7489 allowed several; RFC 9990 one, scope mfrom). */
export interface SpfAuthResult {
  readonly domain: string;
  /** mfrom or helo; '' when absent. */
  readonly scope: string;
  /** RFC 8601 result word, lower-case: pass, fail, softfail, neutral, none, temperror, permerror. */
  readonly result: string;
  readonly humanResult: string;
}

/** A policy override reason (policy_evaluated/reason). */
export interface PolicyOverride {
  /** forwarded, sampled_out, trusted_forwarder, mailing_list, local_policy, policy_test_mode, other … as given, lower-case. */
  readonly type: string;
  readonly comment: string;
}

/** One <record>: a set of messages from one source IP with the same results. */
export interface ReportRecord {
  /** The connecting IP, canonical text (RFC 5952 for IPv6); the text as given when it is not an IP. */
  readonly sourceIp: string;
  /** Number of messages. */
  readonly count: number;
  /** none, quarantine, reject (RFC 9990 also "pass"), lower-case; '' when absent. */
  readonly disposition: string;
  /** policy_evaluated/dkim: the DMARC-aligned DKIM result, pass or fail. */
  readonly dkim: string;
  /** policy_evaluated/spf: the DMARC-aligned SPF result, pass or fail. */
  readonly spf: string;
  readonly reasons: readonly PolicyOverride[];
  readonly headerFrom: string;
  readonly envelopeFrom: string;
  readonly envelopeTo: string;
  readonly dkimResults: readonly DkimAuthResult[];
  readonly spfResults: readonly SpfAuthResult[];
}

/** policy_published: what the reporter found at _dmarc.<domain>. Values lower-case, '' when absent. */
export interface PublishedPolicy {
  readonly domain: string;
  readonly p: string;
  readonly sp: string;
  /** RFC 9990: policy for non-existent subdomains. */
  readonly np: string;
  readonly adkim: string;
  readonly aspf: string;
  /** RFC 7489 only (removed by RFC 9989); the text as given. */
  readonly pct: string;
  readonly fo: string;
  /** RFC 9990: the t= tag, y or n. */
  readonly testing: string;
  /** RFC 9990: psl or treewalk. */
  readonly discoveryMethod: string;
}

/** One parsed aggregate report. */
export interface DmarcReport {
  /** Where it came from: the file name, or "archive.zip/entry.xml" for a zip entry. */
  readonly file: string;
  readonly format: ReportFormat;
  /** The root element's namespace URI ('' when none). */
  readonly namespace: string;
  /** The <version> element ('' when absent). */
  readonly version: string;
  readonly orgName: string;
  readonly email: string;
  readonly extraContactInfo: string;
  readonly reportId: string;
  /** Start and end of the reporting period, seconds since the epoch (UTC). */
  readonly beginSec: number;
  readonly endSec: number;
  /** The same as ISO 8601 strings (Date.prototype.toISOString). */
  readonly begin: string;
  readonly end: string;
  /** report_metadata/error elements. */
  readonly errors: readonly string[];
  /** RFC 9990 report_metadata/generator. */
  readonly generator: string;
  readonly policy: PublishedPolicy;
  readonly records: readonly ReportRecord[];
  /** Records left out because their count or source_ip could not be read. */
  readonly skippedRecords: number;
}

/**
 * Why a file (or a zip entry) was refused. Stable codes; the widget words them.
 * `detail` per code:
 * - unknown-format: '' (neither XML, gzip nor zip by its first bytes)
 * - empty: '' (no bytes, or an archive holding no file)
 * - too-large: the limit in bytes that its expanded size passed
 * - total-too-large: the limit in bytes for all files together
 * - too-many-entries: the entry limit
 * - corrupt-archive: the decompressor's message
 * - unsupported-archive: what is not supported ("compression method 14", "nested zip",
 *   "DecompressionStream('gzip')" in a browser without it)
 * - bad-encoding: the encoding label the XML declaration names
 * - xml-entities: '' (a DOCTYPE declaring entities: refused, never expanded)
 * - malformed-xml: "line:column: message"
 * - not-dmarc: the root element's name
 * - invalid-report: the missing or unreadable element ("date_range", "policy_published/domain")
 */
export const FILE_ERROR_CODES = [
  'unknown-format',
  'empty',
  'too-large',
  'total-too-large',
  'too-many-entries',
  'corrupt-archive',
  'unsupported-archive',
  'bad-encoding',
  'xml-entities',
  'malformed-xml',
  'not-dmarc',
  'invalid-report',
] as const;
export type FileErrorCode = (typeof FILE_ERROR_CODES)[number];

export interface FileError {
  /** The file name, or "archive.zip/entry.xml" for an entry of a zip. */
  readonly file: string;
  readonly code: FileErrorCode;
  readonly detail: string;
}

/** One input file as the widget read it (File → bytes). */
export interface NamedBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * Limits that keep untrusted input bounded. A gzip or zip bomb stops at the
 * first of these it passes; its decompression never runs further than one
 * input slice (4 KB, at most ~4 MB of output) past the limit.
 */
export interface ReaderLimits {
  /** Largest input file as given (before expansion); the widget can check File.size against it before reading. */
  readonly maxInputBytes: number;
  /** Largest single report after expansion (plain XML, gunzipped, or one zip entry). */
  readonly maxFileBytes: number;
  /** All reports of one load together, after expansion. */
  readonly maxTotalBytes: number;
  /** Entries read from one zip. */
  readonly maxEntries: number;
}

const MIB = 1024 * 1024;

/**
 * The defaults. The biggest real reports (Google, Microsoft for domains sending
 * millions of messages a day) are a few MB of XML; 50 MB per report leaves room
 * for ten times that, and 200 MB in all is a year of daily reports from a dozen
 * reporters while staying well inside a tab's memory.
 */
export const DEFAULT_LIMITS: ReaderLimits = {
  maxInputBytes: 100 * MIB,
  maxFileBytes: 50 * MIB,
  maxTotalBytes: 200 * MIB,
  maxEntries: 1000,
};

/** Progress while a load runs (sent at most once per file and once per ~1 MB of work). */
export interface LoadProgress {
  /** Input files fully handled so far. */
  readonly filesDone: number;
  readonly filesTotal: number;
  /** The input file being read now ('' when done). */
  readonly file: string;
  /** Bytes of XML parsed so far (after expansion), over all files. */
  readonly xmlBytes: number;
  /** Reports parsed so far. */
  readonly reports: number;
}

/** What a load gives back. Refused files are data; the others still load. */
export interface LoadResult {
  readonly reports: readonly DmarcReport[];
  readonly errors: readonly FileError[];
  /** True when the load was cancelled: what was read before is kept. */
  readonly aborted: boolean;
  /** Bytes of XML parsed (after expansion). */
  readonly xmlBytes: number;
}
