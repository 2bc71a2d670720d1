import { describe, expect, it } from 'vitest';
import { finding, PROBLEM_CODES } from '~/core/findings/index';

describe('finding', () => {
  it('builds a finding of its code at its row, with the parameters as given', () => {
    const params = { provider: 'tencent-exmail', hosts: ['mxbiz1.qq.com'] };
    expect(finding('foreign-mx', 'fail', { record: 'mx', name: 'example.com' }, params)).toEqual({
      code: 'foreign-mx',
      severity: 'fail',
      record: 'mx',
      name: 'example.com',
      params: { provider: 'tencent-exmail', hosts: ['mxbiz1.qq.com'] },
    });
  });

  it('keeps typed parameters as they are: booleans, arrays, a discriminant', () => {
    expect(finding('ttl', 'info', { record: 'dmarc', name: '_dmarc.example.com' }, { seconds: 300, negative: true }).params).toEqual({
      seconds: 300,
      negative: true,
    });
    expect(finding('spf-loop', 'fail', { record: 'spf', name: 'example.com' }, { domain: 'example.com', path: ['example.com', 'a.example.net', 'example.com'] }).params.path).toEqual([
      'example.com',
      'a.example.net',
      'example.com',
    ]);
    expect(finding('weak-policy', 'warn', { record: 'dmarc', name: '_dmarc.example.com' }, { dmarc: 'none', chosen: false }).params).toEqual({ dmarc: 'none', chosen: false });
  });
});

describe('PROBLEM_CODES', () => {
  it('lists each code once', () => {
    expect(new Set(PROBLEM_CODES).size).toBe(PROBLEM_CODES.length);
    expect(PROBLEM_CODES).toHaveLength(29);
  });

  it('keeps every public code (architecture §3, data-problem): they are added to, never renamed', () => {
    expect(PROBLEM_CODES).toEqual(
      expect.arrayContaining([
        'missing',
        'wrong-value',
        'multiple-spf',
        'spf-lookup-limit',
        'spf-void-limit',
        'spf-syntax',
        'foreign-mx',
        'cname-conflict',
        'wrong-name',
        'nxdomain',
        'resolver-error',
        'weak-policy',
      ]),
    );
  });

  it('writes every code in lower case with hyphens', () => {
    for (const code of PROBLEM_CODES) expect(code).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });
});
