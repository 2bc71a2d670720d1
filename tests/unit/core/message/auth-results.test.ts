import { describe, expect, it } from 'vitest';
import { AUTH_RESULTS_MAX_CHARS, parseAuthResults, readAuthResults, receiverVerdicts } from '~/core/message/auth-results';
import { splitMessage } from '~/core/message/header';

describe('parseAuthResults', () => {
  it('reads Gmail’s field: authserv-id, results, properties, comments kept apart', () => {
    const r = parseAuthResults(
      ' mx.google.com;\r\n       dkim=pass header.i=@example.cn header.s=default header.b=AbCd1234;\r\n       spf=pass (google.com: domain of zhang@example.cn designates 203.0.113.5 as permitted sender) smtp.mailfrom=zhang@example.cn;\r\n       dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=example.cn',
    );
    expect(r.authservId).toBe('mx.google.com');
    expect(r.results).toEqual([
      { method: 'dkim', result: 'pass', props: { 'header.i': '@example.cn', 'header.s': 'default', 'header.b': 'AbCd1234' } },
      { method: 'spf', result: 'pass', props: { 'smtp.mailfrom': 'zhang@example.cn' }, comment: 'google.com: domain of zhang@example.cn designates 203.0.113.5 as permitted sender' },
      { method: 'dmarc', result: 'pass', props: { 'header.from': 'example.cn' }, comment: 'p=QUARANTINE sp=QUARANTINE dis=NONE' },
    ]);
  });

  it('reads Microsoft’s field without an authserv-id, with extra words and reason', () => {
    const r = parseAuthResults(
      ' spf=pass (sender IP is 203.0.113.5) smtp.mailfrom=example.cn; dkim=pass (signature was verified) header.d=example.cn;dmarc=pass action=none header.from=example.cn;compauth=pass reason=100',
    );
    expect(r.authservId).toBeUndefined();
    expect(r.results.map((x) => [x.method, x.result, x.reason, x.props])).toEqual([
      ['spf', 'pass', undefined, { 'smtp.mailfrom': 'example.cn' }],
      ['dkim', 'pass', undefined, { 'header.d': 'example.cn' }],
      ['dmarc', 'pass', undefined, { action: 'none', 'header.from': 'example.cn' }],
      ['compauth', 'pass', '100', {}],
    ]);
  });

  type Row = { name: string; value: string; results: { method: string; result: string }[]; authservId?: string };
  const rows: Row[] = [
    { name: 'none (no checks run)', value: ' mx.example.net; none', results: [], authservId: 'mx.example.net' },
    { name: 'a version after the authserv-id', value: ' mx.example.net 1; spf=fail smtp.mailfrom=a@b', results: [{ method: 'spf', result: 'fail' }], authservId: 'mx.example.net' },
    { name: 'a method version', value: ' mx.example.net; dkim/1=neutral', results: [{ method: 'dkim', result: 'neutral' }], authservId: 'mx.example.net' },
    { name: 'nested comments with a semicolon inside', value: ' mx.example.net; spf=softfail (a (b; c) d) smtp.mailfrom=a@b', results: [{ method: 'spf', result: 'softfail' }], authservId: 'mx.example.net' },
    { name: 'a quoted authserv-id', value: ' "mx.example.net"; arc=pass', results: [{ method: 'arc', result: 'pass' }], authservId: 'mx.example.net' },
    { name: 'upper-case result words', value: ' mx; DKIM=PASS', results: [{ method: 'dkim', result: 'pass' }], authservId: 'mx' },
  ];
  it.each(rows)('reads $name', ({ value, results, authservId }) => {
    const r = parseAuthResults(value);
    expect(r.results.map((x) => ({ method: x.method, result: x.result }))).toEqual(results);
    expect(r.authservId).toBe(authservId);
  });

  it('reads a quoted property value', () => {
    expect(parseAuthResults(' mx; dkim=fail reason="signature verification failed" header.d=example.cn').results[0]).toEqual({
      method: 'dkim',
      result: 'fail',
      reason: 'signature verification failed',
      props: { 'header.d': 'example.cn' },
    });
  });

  it('reads the instance of an ARC-Authentication-Results field', () => {
    const r = parseAuthResults(' i=2; mx.google.com; arc=pass (i=1 spf=pass); spf=pass smtp.mailfrom=a@b', 'arc-authentication-results');
    expect(r).toMatchObject({ instance: 2, authservId: 'mx.google.com' });
    expect(r.results.map((x) => x.method)).toEqual(['arc', 'spf']);
  });

  it('survives garbage', () => {
    expect(parseAuthResults(' ;;;===((( "').results).toEqual([]);
  });
});

describe('receiverVerdicts', () => {
  it('takes the newest field and others from the same receiver, not an older one from someone else', () => {
    const { fields } = splitMessage(
      [
        'Authentication-Results: mx.example.net; spf=fail smtp.mailfrom=a@example.cn',
        'Authentication-Results: mx.example.net; dkim=pass header.d=example.cn; dkim=fail header.d=esp.example',
        'Authentication-Results: relay.example.org; spf=pass smtp.mailfrom=a@example.cn; dmarc=pass header.from=example.cn',
        '',
        '',
      ].join('\r\n'),
    );
    const v = receiverVerdicts(readAuthResults(fields));
    expect(v.authservId).toBe('mx.example.net');
    expect(v.source).toBe('authentication-results');
    expect(v.results.map((r) => [r.method, r.result])).toEqual([
      ['spf', 'fail'],
      ['dkim', 'pass'],
      ['dkim', 'fail'],
    ]);
    expect(readAuthResults(fields)).toHaveLength(3);
  });

  it('falls back to the newest ARC-Authentication-Results', () => {
    const { fields } = splitMessage('ARC-Authentication-Results: i=1; a.example; spf=fail\r\nARC-Authentication-Results: i=2; b.example; spf=pass\r\n\r\n');
    expect(receiverVerdicts(readAuthResults(fields))).toMatchObject({ authservId: 'b.example', source: 'arc', results: [{ method: 'spf', result: 'pass' }] });
  });

  it('gives the newest ARC instance with its number beside the Authentication-Results', () => {
    const { fields } = splitMessage(
      [
        'ARC-Authentication-Results: i=2; relay.example.org; spf=pass smtp.mailfrom=a@example.cn; dkim=pass header.d=example.cn',
        'Authentication-Results: mx.example.net; spf=fail smtp.mailfrom=relay.example.org; arc=pass',
        'ARC-Authentication-Results: i=3; list.example.org; dmarc=pass header.from=example.cn',
        'ARC-Authentication-Results: i=1; first.example; spf=none',
        '',
        '',
      ].join('\r\n'),
    );
    const v = receiverVerdicts(readAuthResults(fields));
    // The receiver's own results stay the verdict …
    expect(v).toMatchObject({ authservId: 'mx.example.net', source: 'authentication-results' });
    expect(v.results.map((r) => `${r.method}=${r.result}`)).toEqual(['spf=fail', 'arc=pass']);
    // … and the highest instance, wherever it stands, is shown beside them.
    expect(v.arc).toEqual({ instance: 3, authservId: 'list.example.org', results: [{ method: 'dmarc', result: 'pass', props: { 'header.from': 'example.cn' } }] });
  });

  it('reads the fields it is given, parsed once, and parses nothing itself', () => {
    const parsed = readAuthResults(splitMessage('Authentication-Results: mx.example.net; spf=pass smtp.mailfrom=a@example.cn\r\n\r\n').fields);
    // A changed parsed field shows through: the verdicts are read from it, not from the header again.
    const changed = [{ ...parsed[0]!, results: [{ method: 'spf', result: 'softfail', props: {} }] }];
    expect(receiverVerdicts(changed).results).toEqual([{ method: 'spf', result: 'softfail', props: {} }]);
  });
});

describe('hostile fields (untrusted input never freezes the page)', () => {
  const KB16 = 16 * 1024;
  // Each row is a field body built to make a naive `key=value` scan re-read its text again and again.
  it.each([
    { name: 'a 16 KB token without "="', value: ` mx.example.net; ${'a'.repeat(KB16)}` },
    { name: 'dotted tokens without "="', value: ` mx.example.net; ${'a.'.repeat(KB16 / 2)}` },
    { name: 'keys each followed by a space but no "="', value: ` mx.example.net; ${'ab '.repeat(KB16 / 3)}` },
    { name: 'quotes that never close', value: ` mx.example.net; spf=${'"a '.repeat(KB16 / 3)}` },
    { name: 'comments that never close', value: ` mx.example.net; ${'(a '.repeat(KB16 / 3)}` },
    { name: 'semicolons between tokens', value: ` mx.example.net; ${'a;'.repeat(KB16 / 2)}` },
  ])('reads at most AUTH_RESULTS_MAX_CHARS of $name', ({ value }) => {
    const r = parseAuthResults(value);
    expect(r.text.length).toBeLessThanOrEqual(AUTH_RESULTS_MAX_CHARS);
    expect(r.results.length).toBeLessThanOrEqual(50);
  });

  it('reads 500 fields of 16 KB each: every field once, each cut to a few KB, so the output stays small', () => {
    const junk = `x; ${'a'.repeat(KB16)}`;
    const text = `${Array.from({ length: 500 }, () => `Authentication-Results:${junk}`).join('\r\n')}\r\n\r\n`;
    const { fields } = splitMessage(text);
    const parsed = readAuthResults(fields);
    expect(parsed).toHaveLength(500);
    // 500 × 16 KB in, at most 500 × 4 KB of text out.
    expect(parsed.reduce((n, f) => n + f.text.length, 0)).toBeLessThanOrEqual(500 * AUTH_RESULTS_MAX_CHARS);
    expect(parsed.every((f) => f.authservId === 'x' && f.results.length === 0)).toBe(true);
  });

  it('still reads a real field after a cut-down one', () => {
    const { fields } = splitMessage(`Authentication-Results: x; ${'a'.repeat(KB16)}\r\nAuthentication-Results: mx.example.net; dkim=pass header.d=example.cn\r\n\r\n`);
    expect(readAuthResults(fields)[1]!.results).toEqual([{ method: 'dkim', result: 'pass', props: { 'header.d': 'example.cn' } }]);
  });
});
