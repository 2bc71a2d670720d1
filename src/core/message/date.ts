/**
 * RFC 5322 §3.3 date-time, with the obsolete forms of §4.3 that real
 * Received and Date fields still carry: two- and three-digit years, the
 * US zone names (EST, PDT, …), UT/GMT/UTC, military letters (zone unknown,
 * read as -0000), missing seconds, a missing day-of-week, comments such as
 * `(PDT)` or `(GMT+08:00)`, and a `+08:00` zone with a colon. An ISO 8601
 * timestamp is accepted as a last resort. Never throws.
 */

export interface MailDate {
  /** Milliseconds since the epoch (UTC). */
  readonly ms: number;
  /** Offset from UTC in minutes as written (+0800 → 480). */
  readonly offsetMinutes: number;
  /** False when the zone was missing or a military letter: the time may be off by hours. */
  readonly zoneKnown: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 5322 §4.3 obs-zone names. */
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
};

const RFC5322 =
  /^(?:[a-z]{2,9}\.?,?\s*)?(\d{1,2})\s*[-\s]\s*([a-z]{3})[a-z]*\.?\s*[-\s]\s*(\d{2,4})\s+(\d{1,2}):(\d{1,2})(?::(\d{1,2}(?:\.\d+)?))?\s*([+-]\d{2}:?\d{2}|[a-z]{1,5})?/i;

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T\s](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

function zoneOffset(zone: string | undefined): { offset: number; known: boolean } {
  if (zone === undefined) return { offset: 0, known: false };
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (m) {
    const minutes = Number(m[2]) * 60 + Number(m[3]);
    if (Number(m[3]) > 59 || minutes > 14 * 60 + 59) return { offset: 0, known: false };
    // RFC 5322: -0000 means "no information about the local zone".
    return { offset: m[1] === '-' && minutes !== 0 ? -minutes : minutes, known: !(m[1] === '-' && minutes === 0) };
  }
  const named = ZONES[zone.toLowerCase()];
  if (named !== undefined) return { offset: named, known: true };
  return { offset: 0, known: false };
}

function build(year: number, month: number, day: number, hour: number, minute: number, second: number, zone: string | undefined): MailDate | undefined {
  if (month < 0 || month > 11 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  const local = Date.UTC(year, month, day, hour, minute, Math.min(second, 59));
  const check = new Date(local);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month) return undefined; // 31 Feb
  const { offset, known } = zoneOffset(zone);
  return { ms: local - offset * 60_000, offsetMinutes: offset, zoneKnown: known };
}

/** Parse a date-time as written in a Date or Received field. */
export function parseMailDate(input: string): MailDate | undefined {
  if (typeof input !== 'string') return undefined;
  const text = input.replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
  const m = RFC5322.exec(text);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.toLowerCase());
    let year = Number(m[3]);
    if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
    else if (m[3]!.length === 3) year += 1900;
    return build(year, month, Number(m[1]), Number(m[4]), Number(m[5]), m[6] ? Math.floor(Number(m[6])) : 0, m[7]);
  }
  const iso = ISO.exec(text);
  if (iso) {
    return build(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]), Number(iso[4]), Number(iso[5]), iso[6] ? Number(iso[6]) : 0, iso[7]);
  }
  return undefined;
}
