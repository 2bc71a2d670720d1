/**
 * Every record kind's check, by kind. Adding a kind: a module in this folder,
 * its expected-record shape in ../../types.ts, and one line here (a kind
 * without a check is a type error).
 */
import type { ExpectedOf, RecordKind } from '../../types';
import type { KindCheck } from '../kind';
import { cname } from './cname';
import { dkim } from './dkim';
import { dmarc } from './dmarc';
import { mx } from './mx';
import { spf } from './spf';

export const KIND_CHECKS: { readonly [K in RecordKind]: KindCheck<ExpectedOf<K>> } = { mx, spf, dkim, dmarc, cname };

/** The check for a record's kind. */
export function kindCheck<R extends ExpectedOf<RecordKind>>(rec: R): KindCheck<R> {
  // Indexed by the record's own kind: the pairing of record and check holds by construction.
  return KIND_CHECKS[rec.kind] as unknown as KindCheck<R>;
}
