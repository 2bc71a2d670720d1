/**
 * Small helpers the language files share. Values in findings may come from
 * DNS: they are shortened here (and made visible if they hold control
 * characters); the view escapes them (text, never HTML).
 */
import { truncateForDisplay } from '../domain';

/** A value for a sentence: at most `max` characters. */
export function short(value: string | undefined, max = 80): string {
  return value === undefined ? '' : truncateForDisplay(value, max);
}

/** Host names for a sentence, comma-separated, the root shown as ".". */
export function hostList(hosts: readonly string[], max = 120): string {
  return short(hosts.map((h) => h || '.').join(', '), max);
}

/** Whole seconds, minutes, hours or days, whichever reads best. */
export function durationParts(seconds: number): { readonly n: number; readonly unit: 'second' | 'minute' | 'hour' | 'day' } {
  const s = Math.max(0, Math.round(seconds));
  if (s < 120) return { n: s, unit: 'second' };
  if (s < 7200) return { n: Math.round(s / 60), unit: 'minute' };
  if (s < 172800) return { n: Math.round(s / 3600), unit: 'hour' };
  return { n: Math.round(s / 86400), unit: 'day' };
}

/** Whether a domain is under a Chinese TLD (.cn and 中国/中國), where real-name verification applies. */
export function isChineseTld(domain: string): boolean {
  return /\.(?:cn|xn--fiqs8s|xn--fiqz9s)$/i.test(domain);
}
