/**
 * Which `_dmarc` names an RFC 9989 DNS tree walk asks (§4.10), as label
 * arithmetic only: the planner of a check's first questions needs this before
 * the check code itself has loaded (../check/questions.ts), the walk (./walk.ts)
 * needs it to ask.
 */
import { labelText, normaliseName, presentationLabels } from '../names';

/** §4.10: a walk asks at most this many names. */
export const WALK_LIMIT = 8;

/** The labels of a name as text (escapes kept), or undefined for a name that cannot be asked. */
export function labelsOf(name: string): string[] | undefined {
  try {
    return presentationLabels(normaliseName(name)).map(labelText);
  } catch {
    return undefined;
  }
}

/**
 * The names a DNS tree walk from `domain` asks `_dmarc.<name>` for, in order
 * (§4.10 steps 1–7): the domain itself; then, for x labels, the name with
 * min(x − 1, 7) labels (step 4: a name of 8 or more labels is shortened to 7);
 * then one label fewer each time, down to one label. At most 8 names. A name
 * that cannot be asked gives itself alone (asking it reports the failure).
 */
export function dmarcWalkNames(domain: string): string[] {
  const start = normaliseName(domain);
  const labels = labelsOf(start);
  if (!labels || labels.length === 0) return [start];
  const names = [labels.join('.')];
  for (let n = Math.min(labels.length - 1, WALK_LIMIT - 1); n >= 1; n--) names.push(labels.slice(-n).join('.'));
  return names;
}

/**
 * The first question of policy discovery's walk (§4.10.1: the parent of the
 * domain, or the name shortened to 7 labels for more than 8): what a check can
 * send with its first questions so that a domain without its own record costs
 * no extra round trip in the common case. Undefined for a one-label name.
 */
export function firstWalkQuestion(domain: string): { readonly name: string; readonly type: 'TXT' } | undefined {
  const parent = dmarcWalkNames(domain)[1];
  return parent === undefined ? undefined : { name: `_dmarc.${parent}`, type: 'TXT' };
}

