import { describe, expect, it } from 'vitest';
import { parseAuthResults, readAuthResults, receiverVerdicts } from '~/core/message/auth-results';
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
    const v = receiverVerdicts(fields);
    expect(v.authservId).toBe('mx.example.net');
    expect(v.results.map((r) => [r.method, r.result])).toEqual([
      ['spf', 'fail'],
      ['dkim', 'pass'],
      ['dkim', 'fail'],
    ]);
    expect(readAuthResults(fields)).toHaveLength(3);
  });

  it('falls back to the newest ARC-Authentication-Results', () => {
    const { fields } = splitMessage('ARC-Authentication-Results: i=1; a.example; spf=fail\r\nARC-Authentication-Results: i=2; b.example; spf=pass\r\n\r\n');
    expect(receiverVerdicts(fields)).toMatchObject({ authservId: 'b.example', results: [{ method: 'spf', result: 'pass' }] });
  });
});
