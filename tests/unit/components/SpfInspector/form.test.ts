// The SPF tool's form (src/components/SpfInspector/form.ts): the page address
// in and out, each field's problems, and what a run expands and tests.
import { describe, expect, it } from 'vitest';
import { checkForm, emptyForm, formFrom, paramsFor, type SpfForm } from '~/components/SpfInspector/form';

const form = (f: Partial<SpfForm>): SpfForm => ({ ...emptyForm, ...f });

describe('the SPF form and the page address', () => {
  it('reads domain, ip, sender and helo', () => {
    expect(formFrom({ domain: 'example.com', ip: '192.0.2.1', sender: 'a@example.com', helo: 'mx.example.com', resolver: 'https://x' })).toEqual({
      domain: 'example.com',
      ip: '192.0.2.1',
      sender: 'a@example.com',
      helo: 'mx.example.com',
    });
  });

  it('fills only the fields the address names, over what was typed', () => {
    const typed = form({ domain: 'typed.example', helo: 'mx.typed.example' });
    expect(formFrom({ resolver: 'https://x' }, typed)).toEqual(typed);
    expect(formFrom({ ip: '192.0.2.1', domain: 'link.example' }, typed)).toEqual({ ...typed, ip: '192.0.2.1', domain: 'link.example' });
  });

  it('writes back what was typed, trimmed, and leaves empty fields out', () => {
    expect(paramsFor(form({ domain: ' example.com ', ip: ' 2001:db8::1 ' }))).toEqual({ domain: 'example.com', ip: '2001:db8::1', sender: undefined, helo: undefined });
  });

  it('round-trips through the address', () => {
    const f = form({ domain: 'example.com', ip: '192.0.2.1', sender: '<>', helo: 'mx.example.com' });
    const params = Object.fromEntries(Object.entries(paramsFor(f)).filter(([, v]) => v !== undefined));
    expect(formFrom(params)).toEqual(f);
  });
});

describe('what a run expands and tests', () => {
  const rows: { what: string; f: Partial<SpfForm>; run: unknown }[] = [
    // Nothing typed: nothing to run, and nothing to complain about.
    { what: 'an empty form runs nothing', f: {}, run: undefined },
    // Only a domain: the expansion, as before the IP test existed.
    { what: 'a domain alone is expanded, with no IP test', f: { domain: 'Example.COM' }, run: { domain: 'example.com' } },
    // No MAIL FROM: the domain is tested as postmaster@<domain> (RFC 7208 §4.3).
    {
      what: 'an IP without MAIL FROM tests postmaster@<domain>',
      f: { domain: 'example.com', ip: ' 192.0.2.1 ' },
      run: { domain: 'example.com', test: { ip: '192.0.2.1', sender: 'postmaster@example.com', helo: '', domain: 'example.com', mailFrom: 'postmaster@example.com', identity: 'postmaster' } },
    },
    // The MAIL FROM's domain is tested; the domain field is still the one expanded.
    {
      what: 'a MAIL FROM address names the domain tested',
      f: { domain: 'example.com', ip: '2001:db8::25', sender: 'bounce+x=y@mail.example.com', helo: 'out.example.net' },
      run: { domain: 'example.com', test: { ip: '2001:db8::25', sender: 'bounce+x=y@mail.example.com', helo: 'out.example.net', domain: 'mail.example.com', mailFrom: 'bounce+x=y@mail.example.com', identity: 'mail-from' } },
    },
    // Copied from a Return-Path header, angle brackets and a Unicode domain.
    {
      what: 'a MAIL FROM in angle brackets with a Unicode domain is read as its ASCII form',
      f: { ip: '192.0.2.1', sender: '<zhang@例子.test>' },
      run: { domain: 'xn--fsqu00a.test', test: { ip: '192.0.2.1', sender: 'zhang@xn--fsqu00a.test', helo: '', domain: 'xn--fsqu00a.test', mailFrom: 'zhang@xn--fsqu00a.test', identity: 'mail-from' } },
    },
    // A bare domain as MAIL FROM means postmaster@ it (§4.3); the domain field may stay empty.
    {
      what: 'a domain as MAIL FROM is postmaster@ it, and is expanded when the domain field is empty',
      f: { ip: '192.0.2.1', sender: 'example.org' },
      run: { domain: 'example.org', test: { ip: '192.0.2.1', sender: 'example.org', helo: '', domain: 'example.org', mailFrom: 'postmaster@example.org', identity: 'mail-from' } },
    },
    // A bounce: MAIL FROM <> means the HELO name is checked (§2.4).
    {
      what: 'MAIL FROM <> tests the HELO name',
      f: { ip: '192.0.2.1', sender: '<>', helo: 'MX.Example.com' },
      run: { domain: 'mx.example.com', test: { ip: '192.0.2.1', sender: '', helo: 'mx.example.com', domain: 'mx.example.com', mailFrom: '<>', identity: 'helo' } },
    },
    // HELO may be an address literal (RFC 5321 §4.1.3): kept as given, used only for %{h}.
    {
      what: 'an address literal as HELO is kept as given',
      f: { domain: 'example.com', ip: '192.0.2.1', helo: '[192.0.2.1]' },
      run: { domain: 'example.com', test: { ip: '192.0.2.1', sender: 'postmaster@example.com', helo: '[192.0.2.1]', domain: 'example.com', mailFrom: 'postmaster@example.com', identity: 'postmaster' } },
    },
    // An IPv4-mapped IPv6 address is an address (evaluateSpf treats it as IPv4).
    {
      what: 'an IPv4-mapped IPv6 address is accepted',
      f: { domain: 'example.com', ip: '::ffff:192.0.2.1' },
      run: { domain: 'example.com', test: { ip: '::ffff:192.0.2.1', sender: 'postmaster@example.com', helo: '', domain: 'example.com', mailFrom: 'postmaster@example.com', identity: 'postmaster' } },
    },
  ];
  it.each(rows)('$what', ({ f, run }) => {
    const checked = checkForm(form(f));
    expect(checked.errors).toEqual({});
    expect(checked.run).toEqual(run);
  });
});

describe('fields that cannot be used stop the run with a problem next to them', () => {
  const rows: { what: string; f: Partial<SpfForm>; errors: unknown }[] = [
    { what: 'an IP that is not an address', f: { domain: 'example.com', ip: '192.0.2.300' }, errors: { ip: { code: 'invalid', input: '192.0.2.300' } } },
    { what: 'a host name in the IP field', f: { domain: 'example.com', ip: 'mail.example.com' }, errors: { ip: { code: 'invalid', input: 'mail.example.com' } } },
    // A range as written in a record is not the one address that sent the mail.
    { what: 'an IPv4 range', f: { domain: 'example.com', ip: '192.0.2.0/24' }, errors: { ip: { code: 'range', input: '192.0.2.0/24' } } },
    { what: 'an IPv6 range', f: { domain: 'example.com', ip: '2001:db8::/32' }, errors: { ip: { code: 'range', input: '2001:db8::/32' } } },
    // An IPv6 address with a zone index is an interface, not an address on the Internet.
    { what: 'an IPv6 address with a zone index', f: { domain: 'example.com', ip: 'fe80::1%eth0' }, errors: { ip: { code: 'invalid', input: 'fe80::1%eth0' } } },
    {
      what: 'a MAIL FROM with two @',
      f: { domain: 'example.com', ip: '192.0.2.1', sender: 'a@b@example.com' },
      errors: { sender: { kind: 'address', reason: 'multiple-at', input: 'a@b@example.com' } },
    },
    {
      what: 'a MAIL FROM with a space in its local part',
      f: { domain: 'example.com', ip: '192.0.2.1', sender: 'zhang san@example.com' },
      errors: { sender: { kind: 'address', reason: 'invalid-local-part', input: 'zhang san@example.com', detail: ' ' } },
    },
    {
      what: 'a MAIL FROM that is neither an address nor a domain',
      f: { domain: 'example.com', ip: '192.0.2.1', sender: 'postmaster' },
      errors: { sender: { kind: 'domain', error: { code: 'single-label', input: 'postmaster', detail: 'postmaster' } } },
    },
    // The sender is checked even without an IP: the message comes as it is typed.
    { what: 'a bad MAIL FROM without an IP', f: { domain: 'example.com', sender: '@example.com' }, errors: { sender: { kind: 'address', reason: 'empty-local-part', input: '@example.com' } } },
    { what: 'a HELO that is not a name', f: { domain: 'example.com', ip: '192.0.2.1', helo: 'mx..example.com' }, errors: { helo: { code: 'invalid', error: { code: 'empty-label', input: 'mx..example.com', detail: 'mx..example.com' } } } },
    // A bounce checks the HELO name, so it must be one.
    { what: 'MAIL FROM <> without a HELO name', f: { domain: 'example.com', ip: '192.0.2.1', sender: '<>' }, errors: { helo: { code: 'needed-for-bounce' } } },
    { what: 'MAIL FROM <> with an address literal as HELO', f: { domain: 'example.com', ip: '192.0.2.1', sender: '<>', helo: '[192.0.2.1]' }, errors: { helo: { code: 'needed-for-bounce' } } },
    // An IP to test and no domain anywhere.
    { what: 'an IP with no domain and no MAIL FROM', f: { ip: '192.0.2.1' }, errors: { domain: { code: 'empty', input: '' } } },
    { what: 'a domain that is an IP address', f: { domain: '192.0.2.1' }, errors: { domain: { code: 'ip-address', input: '192.0.2.1', detail: '192.0.2.1' } } },
  ];
  it.each(rows)('$what', ({ f, errors }) => {
    const checked = checkForm(form(f));
    expect(checked.errors).toEqual(errors);
    expect(checked.run).toBeUndefined();
  });
});
