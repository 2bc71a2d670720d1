import { describe, expect, it } from 'vitest';
import { cname } from '~/core/check/kinds/cname';
import { dkim } from '~/core/check/kinds/dkim';
import { dmarc } from '~/core/check/kinds/dmarc';
import { KIND_CHECKS, kindCheck } from '~/core/check/kinds/index';
import { mx } from '~/core/check/kinds/mx';
import { spf } from '~/core/check/kinds/spf';
import { RECORD_KINDS } from '~/core/types';
import { expectedFor } from '../../../support/mail-zone';

describe('the record kinds’ checks', () => {
  it('has one check for every kind', () => {
    expect(Object.keys(KIND_CHECKS).sort()).toEqual([...RECORD_KINDS].sort());
  });

  it.each(expectedFor().map((rec) => ({ id: rec.id, kind: rec.kind, rec })))('checks the $id row with the $kind module', ({ kind, rec }) => {
    expect(kindCheck(rec)).toBe({ mx, spf, dkim, dmarc, cname }[kind]);
  });
});
