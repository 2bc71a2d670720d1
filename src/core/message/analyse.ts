/**
 * The message analyser in one call: parse what was pasted or picked, read
 * headers, hops, the receiver's verdicts and any bounce at once, then check
 * DKIM, SPF and DMARC over DNS in parallel, reporting each section as it
 * settles through `onUpdate` (a new immutable snapshot each time). SPF
 * evaluation and DMARC policy discovery are functions passed in
 * (`evaluateSpf`, the RFC 9989 tree walk) so this module does not depend on
 * how they are written. No DOM: it runs in a page or a worker; the clock and
 * WebCrypto are passed in (or taken from globalThis).
 *
 * Order is load-bearing: normalise → split → MIME → bounce → headers and hops
 * → receiver's results (all synchronous, with a yield and an abort check
 * between steps, so a page stays responsive and a replaced run stops early),
 * then the network steps together; DMARC waits for SPF and DKIM.
 */
import type { QueryFn } from '~/core/doh/types';
import type { SpfEvaluation, SpfResult } from '../spf/types';
import { dnsAddress, parseAddressList, parseReturnPath, type Mailbox } from './address';
import { receiverVerdicts, readAuthResults, type AuthResultsField, type ReceiverVerdicts } from './auth-results';
import { readBounce, type BounceReport } from './bounce';
import { decodeUnlabelled } from './bytes';
import { evaluateDmarc, type DmarcDiscovery, type DmarcEvaluation, type DmarcSteps } from './dmarc';
import { parseDkimSignature } from './dkim-tags';
import { BROWSER_LIMITED_REASONS, verifyDkim, type DkimResult } from './dkim-verify';
import { decodeHeaderValue } from './encoded-words';
import { allFields, firstField, splitMessage, type HeaderField } from './header';
import { normaliseInput } from './input';
import { parseMime } from './mime';
import { buildHops, normaliseIp, type HopChain } from './received';
import { LIMITS, type InputError, type InputNotes } from './types';

/** RFC 7208 results. */
export type SpfResultWord = SpfResult;

/** The contract of `evaluateSpf` (architecture §3): the analyser takes it as a parameter, so the SPF step plugs in. */
export type EvaluateSpfFn = (args: { ip: string; sender: string; helo: string; query: QueryFn; signal?: AbortSignal }) => Promise<SpfEvaluation>;

export interface AnalyseOptions {
  readonly query: QueryFn;
  /** Current time in ms (DKIM x= is checked against it). */
  readonly now: number;
  readonly evaluateSpf?: EvaluateSpfFn;
  readonly dmarc?: DmarcSteps;
  readonly signal?: AbortSignal;
  readonly subtle?: SubtleCrypto;
  /** An IP the user entered instead of the one read from the Received chain. */
  readonly ip?: string;
  /** Called with a new snapshot whenever a section changes, and once at the end. */
  readonly onUpdate?: (analysis: MessageAnalysis) => void;
  /** How to give the event loop a turn between heavy steps (default: a zero timeout). */
  readonly yieldNow?: () => Promise<void>;
}

export interface HeaderSummary {
  /** Decoded Subject (untrusted text). */
  readonly subject?: string;
  /** Mailboxes of From, display names decoded. */
  readonly from: readonly Mailbox[];
  /** From as one line for display: `Name <address>`, decoded. */
  readonly fromText?: string;
  readonly to?: string;
  readonly date?: string;
  readonly messageId?: string;
  /** Address in Return-Path (MAIL FROM), '' for `<>`; UTF-8 decoded. */
  readonly returnPath?: string;
}

export type SectionStatus = 'pending' | 'done' | 'not-run';

export interface SpfSection {
  readonly status: SectionStatus;
  /** Why it did not run. */
  readonly reason?: 'no-evaluator' | 'no-ip' | 'no-headers' | 'error';
  readonly ip?: string;
  /** Where the IP came from. */
  readonly ipSource?: 'user' | 'received' | 'received-spf';
  /** MAIL FROM as written (Unicode for an RFC 6532 address); SPF is evaluated for it with its domain in A-labels. */
  readonly sender?: string;
  readonly helo?: string;
  readonly evaluation?: SpfEvaluation;
}

export interface DmarcSection {
  readonly status: SectionStatus;
  readonly reason?: 'no-evaluator' | 'no-from' | 'multiple-from' | 'error';
  readonly fromDomain?: string;
  readonly evaluation?: DmarcEvaluation;
}

export interface DkimSection {
  readonly status: SectionStatus;
  /** Number of DKIM-Signature fields. */
  readonly count: number;
  /** Results so far, in field order (top first); entries arrive as they settle. */
  readonly results: readonly (DkimResult | undefined)[];
}

export const VERDICT_CODES = [
  /** Nothing usable was given. */
  'input-error',
  /** A bounce: see the bounce section. */
  'bounce',
  /** Checks are still running. */
  'pending',
  /** DMARC passes (SPF or DKIM aligned with From). */
  'dmarc-pass',
  /** DMARC fails: neither SPF nor DKIM passes aligned with From. */
  'dmarc-fail',
  /** The From domain publishes no DMARC policy; see SPF and DKIM. */
  'no-dmarc',
  /** DMARC not evaluated (see the DMARC section for why); SPF or DKIM passes. */
  'authenticated',
  /** DMARC not evaluated; neither SPF nor DKIM passes. */
  'unauthenticated',
  /** A DNS failure kept the answer from us. */
  'dns-error',
  /** This browser could not check a signature that might decide the answer (no Ed25519 in its WebCrypto). */
  'browser-cannot-verify',
] as const;
export type VerdictCode = (typeof VERDICT_CODES)[number];

export interface MessageAnalysis {
  readonly done: boolean;
  readonly inputErrors: readonly InputError[];
  readonly notes: InputNotes;
  /** Whether a body was given (else DKIM body hashes cannot be checked). */
  readonly hasBody: boolean;
  readonly headerCount: number;
  readonly headers: HeaderSummary;
  readonly hops: HopChain;
  readonly receiver: ReceiverVerdicts & { readonly fields: readonly AuthResultsField[] };
  readonly dkim: DkimSection;
  readonly spf: SpfSection;
  readonly dmarc: DmarcSection;
  readonly bounce?: BounceReport;
  /** DKIM of the message returned inside a bounce (checked against today's keys). */
  readonly returnedDkim?: DkimSection;
  readonly verdict: VerdictCode;
}

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function headerSummary(fields: readonly HeaderField[], errors: InputError[]): HeaderSummary {
  const subject = firstField(fields, 'subject');
  const from = firstField(fields, 'from');
  const to = firstField(fields, 'to');
  const date = firstField(fields, 'date');
  const mid = firstField(fields, 'message-id');
  const rp = firstField(fields, 'return-path');
  let subjectText: string | undefined;
  if (subject) {
    const d = decodeHeaderValue(subject.value, 'subject');
    errors.push(...d.errors);
    subjectText = d.text;
  }
  let mailboxes: readonly Mailbox[] = [];
  let fromText: string | undefined;
  if (from) {
    const list = parseAddressList(from.value, 'from');
    errors.push(...list.errors);
    mailboxes = list.mailboxes;
    fromText = mailboxes.map((m) => (m.name ? `${m.name} <${m.address}>` : m.address)).join(', ');
  }
  let toText: string | undefined;
  if (to) {
    const d = decodeHeaderValue(to.value, 'to');
    errors.push(...d.errors);
    toText = d.text;
  }
  const returnPath = rp ? parseReturnPath(decodeUnlabelled(rp.value)) : undefined;
  return {
    ...(subjectText !== undefined ? { subject: subjectText } : {}),
    from: mailboxes,
    ...(fromText !== undefined ? { fromText } : {}),
    ...(toText !== undefined ? { to: toText } : {}),
    ...(date ? { date: decodeUnlabelled(date.value).trim() } : {}),
    ...(mid ? { messageId: decodeUnlabelled(mid.value).trim() } : {}),
    ...(returnPath !== undefined ? { returnPath } : {}),
  };
}

/** Organisational-domain walks started ahead, at most. */
const MAX_EARLY_WALKS = 4;

/** Domains whose organisational domain relaxed alignment will need: the SPF domain and the signing domains (d=), other than From's. */
function alignmentDomains(fromDomain: string, spfDomain: string, fields: readonly HeaderField[]): string[] {
  const signing = allFields(fields, 'dkim-signature')
    .slice(0, LIMITS.maxDkimSignatures)
    .flatMap((f) => {
      const parsed = parseDkimSignature(f.value);
      return parsed.ok ? [parsed.signature.domain] : [];
    });
  const out = new Set<string>();
  for (const d of [spfDomain, ...signing]) {
    const name = d.toLowerCase().replace(/\.$/, '');
    // Host names only (a HELO may be an address literal).
    if (name !== fromDomain && /^[a-z0-9_-]{1,63}(?:\.[a-z0-9_-]{1,63})+$/.test(name) && /[a-z]/.test(name)) out.add(name);
  }
  return [...out].slice(0, MAX_EARLY_WALKS);
}

function dedupeErrors(errors: readonly InputError[]): InputError[] {
  const seen = new Set<string>();
  const out: InputError[] = [];
  for (const e of errors) {
    const key = `${e.code}|${e.detail ?? ''}|${e.line ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
    if (out.length >= 50) break;
  }
  return out;
}

function verdictOf(a: Omit<MessageAnalysis, 'verdict'>): VerdictCode {
  if (a.headerCount === 0 && !a.bounce) return 'input-error';
  if (a.bounce) return 'bounce';
  if (!a.done) return 'pending';
  const ev = a.dmarc.evaluation;
  if (ev) {
    if (ev.result === 'pass') return 'dmarc-pass';
    if (ev.result === 'fail') return 'dmarc-fail';
    if (ev.result === 'none') return 'no-dmarc';
    if (ev.result === 'temperror') return ev.undecided === 'browser' ? 'browser-cannot-verify' : 'dns-error';
  }
  const dkimPass = a.dkim.results.some((r) => r?.result === 'pass');
  const spfPass = a.spf.evaluation?.result === 'pass';
  if (dkimPass || spfPass) return 'authenticated';
  const dkimTemp = a.dkim.results.filter((r) => r?.result === 'temperror');
  if (a.spf.evaluation?.result === 'temperror' || dkimTemp.some((r) => !BROWSER_LIMITED_REASONS.has(r!.reason))) return 'dns-error';
  if (dkimTemp.length > 0) return 'browser-cannot-verify';
  return 'unauthenticated';
}

/**
 * Analyse a message. Resolves with the final analysis; `onUpdate` sees every
 * intermediate one. Never rejects for bad input: problems are in
 * `inputErrors` and in each section's status. Rejects with the signal's
 * reason when `signal` aborts during the synchronous steps.
 */
export async function analyseMessage(input: string | Uint8Array | ArrayBuffer, options: AnalyseOptions): Promise<MessageAnalysis> {
  const yieldNow = options.yieldNow ?? defaultYield;
  // Between the synchronous steps: give the event loop a turn, and stop here
  // when a newer run has replaced this one (rejects with the signal's reason).
  const step = async () => {
    options.signal?.throwIfAborted();
    await yieldNow();
    options.signal?.throwIfAborted();
  };
  const errors: InputError[] = [];

  options.signal?.throwIfAborted();
  const normalised = normaliseInput(input);
  errors.push(...normalised.errors);
  await step();
  const split = normalised.raw === '' ? { fields: [], body: undefined, errors: [] } : splitMessage(normalised.raw);
  errors.push(...split.errors.filter((e) => !(e.code === 'no-headers' && normalised.raw === '')));
  const fields = split.fields;
  const body = fields.length === 0 ? undefined : normalised.truncated ? undefined : split.body;
  await step();
  const mime = fields.length > 0 ? parseMime(fields, split.body) : undefined;
  if (mime) errors.push(...mime.errors);
  await step();
  const bounce = normalised.raw === '' ? undefined : readBounce({ fields, ...(mime ? { root: mime.root } : {}), body: split.body });
  await step();
  const headers = headerSummary(fields, errors);
  const hops = buildHops(fields);
  await step();
  // Each Authentication-Results field is parsed once; the receiver's verdicts are read from that.
  const authFields = readAuthResults(fields);
  const receiver = { ...receiverVerdicts(authFields), fields: authFields };
  await step();
  const dkimCount = allFields(fields, 'dkim-signature').length;
  const returned = bounce?.returned;
  const returnedCount = returned ? allFields(returned.headers, 'dkim-signature').length : 0;

  // Inputs of the SPF step.
  const userIp = options.ip !== undefined ? normaliseIp(options.ip) : undefined;
  const ip = userIp ?? hops.connecting?.ip;
  const ipSource: SpfSection['ipSource'] | undefined = userIp ? 'user' : hops.connecting?.source;
  // MAIL FROM as written (shown), and as SPF asks DNS: an internationalised domain in A-labels (RFC 6532 addresses).
  const sender = headers.returnPath ?? '';
  const spfSender = dnsAddress(sender);
  const helo = hops.connecting?.helo ?? '';
  const spfBase = { ...(ip ? { ip } : {}), ...(ipSource ? { ipSource } : {}), sender, helo };

  // From domain for DMARC.
  const fromDomains = [...new Set(headers.from.map((m) => m.domain).filter((d) => d !== ''))];
  let dmarcPre: DmarcSection;
  if (fields.length === 0) dmarcPre = { status: 'not-run', reason: 'no-from' };
  else if (!options.dmarc) dmarcPre = { status: 'not-run', reason: 'no-evaluator', ...(fromDomains[0] ? { fromDomain: fromDomains[0] } : {}) };
  else if (fromDomains.length === 0) dmarcPre = { status: 'not-run', reason: 'no-from' };
  else if (fromDomains.length > 1) dmarcPre = { status: 'not-run', reason: 'multiple-from' };
  else dmarcPre = { status: 'pending', fromDomain: fromDomains[0]! };

  let spfPre: SpfSection;
  if (fields.length === 0) spfPre = { status: 'not-run', reason: 'no-headers' };
  else if (!options.evaluateSpf) spfPre = { status: 'not-run', reason: 'no-evaluator', ...spfBase };
  else if (!ip) spfPre = { status: 'not-run', reason: 'no-ip', ...spfBase };
  else spfPre = { status: 'pending', ...spfBase };

  let state: Omit<MessageAnalysis, 'verdict'> = {
    done: false,
    inputErrors: dedupeErrors(errors),
    notes: normalised.notes,
    hasBody: body !== undefined,
    headerCount: fields.length,
    headers,
    hops,
    receiver,
    dkim: { status: dkimCount > 0 ? 'pending' : 'done', count: dkimCount, results: new Array<DkimResult | undefined>(dkimCount).fill(undefined) },
    spf: spfPre,
    dmarc: dmarcPre,
    ...(bounce ? { bounce } : {}),
    ...(returned
      ? { returnedDkim: { status: returnedCount > 0 ? 'pending' : 'done', count: returnedCount, results: new Array<DkimResult | undefined>(returnedCount).fill(undefined) } as DkimSection }
      : {}),
  };
  const emit = () => {
    const snapshot: MessageAnalysis = { ...state, verdict: verdictOf(state) };
    options.onUpdate?.(snapshot);
    return snapshot;
  };
  const update = (patch: Partial<Omit<MessageAnalysis, 'verdict'>>) => {
    state = { ...state, ...patch };
    emit();
  };
  emit();

  const ctx = { query: options.query, ...(options.signal ? { signal: options.signal } : {}) };
  const dkimOptions = { query: options.query, now: options.now, ...(options.signal ? { signal: options.signal } : {}), ...(options.subtle ? { subtle: options.subtle } : {}) };

  // Everything that asks DNS starts now, together.
  const dkimDone = verifyDkim(fields, body, {
    ...dkimOptions,
    onResult: (r) => {
      const results = [...state.dkim.results];
      results[r.index] = r;
      update({ dkim: { ...state.dkim, results } });
    },
  }).then((results) => {
    update({ dkim: { status: 'done', count: dkimCount, results } });
    return results;
  });

  const returnedDone = returned
    ? verifyDkim(returned.headers, returned.body, {
        ...dkimOptions,
        onResult: (r) => {
          const prev = state.returnedDkim!;
          const results = [...prev.results];
          results[r.index] = r;
          update({ returnedDkim: { ...prev, results } });
        },
      }).then((results) => update({ returnedDkim: { status: 'done', count: returnedCount, results } }))
    : Promise.resolve();

  const spfDone: Promise<SpfEvaluation | undefined> =
    spfPre.status === 'pending' && options.evaluateSpf && ip
      ? Promise.resolve()
          // Through a promise, so an evaluator that throws at once is a failed step, not a rejected analysis.
          .then(() => options.evaluateSpf!({ ip, sender: spfSender, helo, query: options.query, ...(options.signal ? { signal: options.signal } : {}) }))
          .then((evaluation) => {
            update({ spf: { ...state.spf, status: 'done', evaluation } });
            return evaluation;
          })
          .catch(() => {
            update({ spf: { ...state.spf, status: 'done', reason: 'error' } });
            return undefined;
          })
      : Promise.resolve(undefined);

  const dmarcSteps = options.dmarc;
  const discoveryDone: Promise<DmarcDiscovery | undefined> =
    dmarcPre.status === 'pending' && dmarcSteps
      ? Promise.resolve()
          .then(() => dmarcSteps.discover(dmarcPre.fromDomain!, ctx))
          .catch((): DmarcDiscovery => ({ status: 'temperror', detail: 'error' }))
      : Promise.resolve(undefined);

  // Relaxed alignment will need the organisational domain of the SPF domain and
  // of each signing domain other than From's: their tree walks start now, with
  // the first questions, so that DMARC finds the answers in the run's cache
  // instead of asking a round trip later (a Return-Path on a subdomain, a
  // signature by a parent domain). What they find is not used here.
  if (dmarcPre.status === 'pending' && dmarcSteps) {
    const spfDomain = spfPre.status === 'pending' ? (spfSender.includes('@') ? spfSender.slice(spfSender.lastIndexOf('@') + 1) : helo) : '';
    for (const domain of alignmentDomains(dmarcPre.fromDomain!, spfDomain, fields)) {
      Promise.resolve()
        .then(() => dmarcSteps.orgDomain(domain, ctx))
        .catch(() => undefined);
    }
  }

  const [dkimResults, spfEvaluation, discovery] = await Promise.all([dkimDone, spfDone, discoveryDone, returnedDone]);

  if (dmarcPre.status === 'pending' && dmarcSteps && discovery) {
    try {
      const evaluation = await evaluateDmarc({
        fromDomain: dmarcPre.fromDomain!,
        discovery,
        ...(spfEvaluation ? { spf: { result: spfEvaluation.result, domain: spfEvaluation.domain } } : {}),
        dkim: dkimResults,
        orgDomain: dmarcSteps.orgDomain,
        ctx,
      });
      state = { ...state, dmarc: { status: 'done', fromDomain: dmarcPre.fromDomain!, evaluation } };
    } catch {
      state = { ...state, dmarc: { status: 'done', fromDomain: dmarcPre.fromDomain!, reason: 'error' } };
    }
  }
  state = { ...state, done: true };
  return emit();
}
