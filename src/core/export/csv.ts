/**
 * CSV of the expected records with the host field as the chosen DNS console
 * wants it (RFC 4180: CRLF, fields quoted when needed). Values that a
 * spreadsheet would run as a formula (= + - @, tab, CR at the start) get a
 * leading apostrophe; a lone @ (the apex host) is left as it is.
 */
import { hostField, type HostId } from '../hosts/index';
import type { ExpectedRecord } from '../types';

export function csvField(value: string): string {
  // A lone @ (the apex in a host field) runs nothing and must stay as typed.
  const guarded = value !== '@' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** The apex: the name of the MX/SPF record, else the shortest name. */
function inferDomain(records: readonly ExpectedRecord[]): string {
  const apex = records.find((r) => r.id === 'mx' || r.id === 'spf');
  if (apex) return apex.name;
  return [...records].map((r) => r.name).sort((a, b) => a.length - b.length)[0] ?? '';
}

export const CSV_HEADER = ['Type', 'Host', 'Value', 'Priority', 'Required'] as const;

export function toCsv(records: readonly ExpectedRecord[], hostId: HostId, domain: string = inferDomain(records)): string {
  const rows: string[][] = [[...CSV_HEADER]];
  for (const r of records) {
    for (const v of r.values) {
      rows.push([
        r.type,
        hostField(r.name, domain, hostId),
        v.value,
        v.priority === undefined ? '' : String(v.priority),
        r.required ? 'yes' : 'no',
      ]);
    }
  }
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
