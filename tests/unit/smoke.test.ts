import { describe, expect, it } from 'vitest';
import { RR_TYPES } from '~/core/doh/types';

describe('core types', () => {
  it('lists the record types the tools ask for', () => {
    expect(RR_TYPES).toContain('MX');
  });
});
