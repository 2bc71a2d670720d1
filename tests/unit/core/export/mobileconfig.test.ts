import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEmailAddress, type EmailErrorReason } from '~/core/email';
import { buildMobileconfig, xmlEscape, type MobileconfigArgs } from '~/core/export/mobileconfig';
import { normaliseDomain } from '~/core/domain';
import { aliyunCn } from '~/core/providers/aliyun-cn';
import { aliyunIntl } from '~/core/providers/aliyun-intl';
import type { ProviderProfile } from '~/core/providers/types';

// ---------------------------------------------------------------------------
// A minimal, strict reader for the XML property lists the builder writes:
// the header, then plist/dict/key/string/integer/array/true/false only. Any
// stray markup, unknown entity, duplicate key or character XML 1.0 cannot
// carry is an error, so a well-escaped document is the only one that reads.

type Plist = string | number | boolean | Plist[] | PlistDict;
interface PlistDict {
  [key: string]: Plist;
}

const HEADER =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n';
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const XML_BAD_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function decodeText(raw: string): string {
  if (XML_BAD_CHAR.test(raw)) throw new Error(`character XML cannot carry in ${JSON.stringify(raw)}`);
  if (raw.includes('>')) throw new Error(`unescaped > in ${JSON.stringify(raw)}`);
  return raw.replace(/&([^;]*);?/g, (whole, name: string) => {
    const ch = ENTITIES[name];
    if (ch === undefined || !whole.endsWith(';')) throw new Error(`bad entity ${whole}`);
    return ch;
  });
}

function readPlist(xml: string): Plist {
  if (!xml.startsWith(HEADER)) throw new Error('missing XML/DOCTYPE header');
  const body = xml.slice(HEADER.length);
  const tokens = [...body.matchAll(/<(\/?)([a-z]+)( version="1\.0")?(\/?)>|([^<]+)/gy)];
  if (tokens.map((m) => m[0]).join('') !== body) throw new Error('markup the reader does not know');
  let i = 0;
  const next = () => {
    const t = tokens[i++];
    if (!t) throw new Error('unexpected end');
    return t;
  };
  const skipSpace = () => {
    while (tokens[i]?.[5] !== undefined) {
      if (tokens[i]?.[5]?.trim() !== '') throw new Error(`stray text ${JSON.stringify(tokens[i]?.[5])}`);
      i++;
    }
  };
  const textUntil = (tag: string): string => {
    let text = '';
    if (tokens[i]?.[5] !== undefined) text = decodeText(next()[5] ?? '');
    const close = next();
    if (close[1] !== '/' || close[2] !== tag) throw new Error(`expected </${tag}>`);
    return text;
  };
  const value = (): Plist => {
    skipSpace();
    const open = next();
    const [, slash, tag, , selfClose] = open;
    if (slash) throw new Error(`unexpected </${tag}>`);
    if (selfClose) {
      if (tag === 'true') return true;
      if (tag === 'false') return false;
      throw new Error(`unexpected <${tag}/>`);
    }
    switch (tag) {
      case 'string':
        return textUntil('string');
      case 'integer': {
        const text = textUntil('integer');
        if (!/^-?\d+$/.test(text)) throw new Error(`bad integer ${text}`);
        return Number(text);
      }
      case 'array': {
        const items: Plist[] = [];
        for (;;) {
          skipSpace();
          if (tokens[i]?.[1] === '/' && tokens[i]?.[2] === 'array') {
            i++;
            return items;
          }
          items.push(value());
        }
      }
      case 'dict': {
        const dict: PlistDict = Object.create(null) as PlistDict;
        for (;;) {
          skipSpace();
          const t = next();
          if (t[1] === '/' && t[2] === 'dict') return dict;
          if (t[2] !== 'key' || t[1] || t[4]) throw new Error('expected <key>');
          const key = textUntil('key');
          if (key in dict) throw new Error(`duplicate key ${key}`);
          dict[key] = value();
        }
      }
      default:
        throw new Error(`unknown element <${tag}>`);
    }
  };
  skipSpace();
  const open = next();
  if (open[2] !== 'plist' || open[3] === undefined) throw new Error('expected <plist version="1.0">');
  const root = value();
  skipSpace();
  const close = next();
  if (close[1] !== '/' || close[2] !== 'plist') throw new Error('expected </plist>');
  skipSpace();
  if (i !== tokens.length) throw new Error('content after </plist>');
  return root;
}

function asDict(v: Plist | undefined): PlistDict {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not a dict');
  return v as PlistDict;
}

/** The outer profile and its one mail payload. */
function payloads(xml: string): { profile: PlistDict; account: PlistDict } {
  const profile = asDict(readPlist(xml));
  const content = profile['PayloadContent'];
  if (!Array.isArray(content) || content.length !== 1) throw new Error('PayloadContent must hold one payload');
  return { profile, account: asDict(content[0]) };
}

function allKeys(v: Plist): string[] {
  if (Array.isArray(v)) return v.flatMap(allKeys);
  if (typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [k, ...allKeys(x)]);
  return [];
}

function counter(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}

function build(overrides: Partial<MobileconfigArgs> = {}) {
  return buildMobileconfig({ provider: aliyunCn, email: 'zhang@example.com', lang: 'zh', uuid: counter(), ...overrides });
}

function okXml(overrides: Partial<MobileconfigArgs> = {}): string {
  const r = build(overrides);
  if (!r.ok) throw new Error(`expected a profile, got ${r.code}/${r.reason ?? ''}`);
  return r.xml;
}

// ---------------------------------------------------------------------------

describe('the reader used by these tests', () => {
  type Row = { xml: string; note: string };
  const bad: Row[] = [
    // a raw ampersand in text
    { xml: `${HEADER}<plist version="1.0">\n<string>a & b</string>\n</plist>\n`, note: 'a raw ampersand' },
    // a raw < opens unknown markup
    { xml: `${HEADER}<plist version="1.0">\n<string>a <b</string>\n</plist>\n`, note: 'a raw less-than sign' },
    // an entity XML does not define without a DTD
    { xml: `${HEADER}<plist version="1.0">\n<string>&nbsp;</string>\n</plist>\n`, note: 'an unknown entity' },
    // a control character
    { xml: `${HEADER}<plist version="1.0">\n<string>a\u0001b</string>\n</plist>\n`, note: 'a control character' },
    // the same key twice
    { xml: `${HEADER}<plist version="1.0">\n<dict><key>A</key><true/><key>A</key><false/></dict>\n</plist>\n`, note: 'a duplicate key' },
  ];
  it.each(bad)('refuses a document with $note', ({ xml }) => {
    expect(() => readPlist(xml)).toThrow();
  });
});

describe('buildMobileconfig writes one IMAP account per profile', () => {
  type Row = { provider: ProviderProfile; imap: [string, number]; smtp: [string, number]; note: string };
  // Values from the facts file (client settings tables), not from the profile data.
  const rows: Row[] = [
    // mainland China edition
    { provider: aliyunCn, imap: ['imap.qiye.aliyun.com', 993], smtp: ['smtp.qiye.aliyun.com', 465], note: 'the mainland China edition' },
    // international (Singapore) edition
    { provider: aliyunIntl, imap: ['imap.sg.aliyun.com', 993], smtp: ['smtp.sg.aliyun.com', 465], note: 'the international edition' },
  ];

  it.each(rows)('uses the documented SSL hosts and ports of $note', ({ provider, imap, smtp }) => {
    const { account } = payloads(okXml({ provider }));
    expect([account['IncomingMailServerHostName'], account['IncomingMailServerPortNumber']]).toEqual(imap);
    expect([account['OutgoingMailServerHostName'], account['OutgoingMailServerPortNumber']]).toEqual(smtp);
    expect(account['IncomingMailServerUseSSL']).toBe(true);
    expect(account['OutgoingMailServerUseSSL']).toBe(true);
  });

  it.each(rows)('wraps one com.apple.mail.managed payload in a Configuration profile for $note', ({ provider }) => {
    const { profile, account } = payloads(okXml({ provider }));
    expect(profile['PayloadType']).toBe('Configuration');
    expect(profile['PayloadVersion']).toBe(1);
    expect(account['PayloadType']).toBe('com.apple.mail.managed');
    expect(account['PayloadVersion']).toBe(1);
    expect(account['EmailAccountType']).toBe('EmailTypeIMAP');
    for (const dict of [profile, account]) {
      for (const key of ['PayloadIdentifier', 'PayloadUUID', 'PayloadDisplayName', 'PayloadDescription']) {
        expect(typeof dict[key], key).toBe('string');
        expect(String(dict[key]).length, key).toBeGreaterThan(0);
      }
    }
  });

  it.each(rows)('signs in with the full address and one password for both servers on $note', ({ provider }) => {
    const { account } = payloads(okXml({ provider, email: 'li.si@example.com' }));
    expect(account['EmailAddress']).toBe('li.si@example.com');
    expect(account['IncomingMailServerUsername']).toBe('li.si@example.com');
    expect(account['OutgoingMailServerUsername']).toBe('li.si@example.com');
    expect(account['IncomingMailServerAuthentication']).toBe('EmailAuthPassword');
    expect(account['OutgoingMailServerAuthentication']).toBe('EmailAuthPassword');
    expect(account['OutgoingPasswordSameAsIncomingPassword']).toBe(true);
  });

  it.each(rows)('never writes a password into the profile for $note', ({ provider }) => {
    const xml = okXml({ provider, displayName: 'Password' });
    const keys = allKeys(readPlist(xml));
    expect(keys.filter((k) => /password/i.test(k))).toEqual(['OutgoingPasswordSameAsIncomingPassword']);
    expect(keys).not.toContain('IncomingPassword');
    expect(keys).not.toContain('OutgoingPassword');
  });

  it('takes the two payload UUIDs from the generator it is given, one each', () => {
    const uuids = ['A1A1A1A1-0000-4000-8000-000000000001', 'B2B2B2B2-0000-4000-8000-000000000002'];
    let n = 0;
    const { profile, account } = payloads(okXml({ uuid: () => uuids[n++] ?? 'exhausted' }));
    expect([profile['PayloadUUID'], account['PayloadUUID']].sort()).toEqual([...uuids].sort());
  });

  it('gives the same address the same identifier, so a new profile replaces the old one', () => {
    const a = payloads(okXml({ email: 'Zhang@Example.com', uuid: counter() }));
    const b = payloads(okXml({ email: 'zhang@example.com', uuid: () => crypto.randomUUID() }));
    expect(a.profile['PayloadIdentifier']).toBe(b.profile['PayloadIdentifier']);
    expect(a.account['PayloadIdentifier']).toBe(b.account['PayloadIdentifier']);
    expect(a.account['PayloadIdentifier']).not.toBe(a.profile['PayloadIdentifier']);
  });

  type IdRow = { a: string; b: string; note: string };
  const distinct: IdRow[] = [
    // an @ moved across a dot must not collide
    { a: 'x@at.example.com', b: 'x.at@example.com', note: 'the @ in a different place' },
    // escape characters themselves are escaped
    { a: 'a_40b@example.com', b: 'a@b.example.com', note: 'an underscore that looks like an escape' },
    // different domains
    { a: 'x@example.com', b: 'x@example.cn', note: 'different domains' },
  ];
  it.each(distinct)('gives different addresses different identifiers: $note', ({ a, b }) => {
    const idA = payloads(okXml({ email: a })).profile['PayloadIdentifier'];
    const idB = payloads(okXml({ email: b })).profile['PayloadIdentifier'];
    expect(idA).not.toBe(idB);
  });

  it('writes the profile texts in the page language', () => {
    const zh = payloads(okXml({ lang: 'zh' })).profile;
    const en = payloads(okXml({ lang: 'en' })).profile;
    expect(String(zh['PayloadDescription'])).toMatch(/[\u4e00-\u9fff]/);
    expect(String(en['PayloadDescription'])).not.toMatch(/[\u4e00-\u9fff]/);
    expect(String(zh['PayloadDescription'])).toContain(aliyunCn.name.zh);
    expect(String(en['PayloadDescription'])).toContain(aliyunCn.name.en);
  });
});

describe('buildMobileconfig escapes the sender name', () => {
  type Row = { name: string; entity: string; note: string };
  const rows: Row[] = [
    // each character XML treats as markup
    { name: 'Tom & Jerry', entity: '&amp;', note: 'an ampersand' },
    { name: '<script>', entity: '&lt;', note: 'a less-than sign' },
    { name: 'a > b', entity: '&gt;', note: 'a greater-than sign' },
    { name: 'The "Boss"', entity: '&quot;', note: 'double quotes' },
    { name: "O'Brien", entity: '&apos;', note: 'an apostrophe' },
    // all of them, plus something that looks like an entity already
    { name: `&amp; <b>"x"</b> 'y'`, entity: '&amp;amp;', note: 'an entity-like text and every special character' },
    // Chinese text passes through unchanged
    { name: '张三（财务部）', entity: '张三', note: 'Chinese text' },
  ];
  it.each(rows)('writes $note so that it reads back unchanged', ({ name, entity }) => {
    const xml = okXml({ displayName: name });
    expect(xml).toContain(entity);
    expect(payloads(xml).account['EmailAccountName']).toBe(name);
  });

  type DropRow = { name: string; expected: string | undefined; note: string };
  const dropped: DropRow[] = [
    // control characters cannot appear in XML at all
    { name: 'Zhang\u0000San\u001b', expected: 'ZhangSan', note: 'control characters are dropped' },
    // a lone surrogate is not a character
    { name: 'Li\ud800', expected: 'Li', note: 'a lone surrogate is dropped' },
    // only spaces: no sender name key at all
    { name: '   ', expected: undefined, note: 'a blank name leaves the key out' },
    // tabs and newlines around the name are trimmed
    { name: '\tWang Wu\n', expected: 'Wang Wu', note: 'surrounding whitespace is trimmed' },
  ];
  it.each(dropped)('$note', ({ name, expected }) => {
    expect(payloads(okXml({ displayName: name })).account['EmailAccountName']).toBe(expected);
  });

  it('leaves the sender name out when none is given', () => {
    expect(allKeys(readPlist(okXml()))).not.toContain('EmailAccountName');
  });
});

describe('xmlEscape', () => {
  it.each([
    // each of the five characters
    { raw: `&<>"'`, escaped: '&amp;&lt;&gt;&quot;&apos;' },
    // an astral character (a surrogate pair) is kept
    { raw: 'a😀b', escaped: 'a😀b' },
  ])('turns $raw into $escaped', ({ raw, escaped }) => {
    expect(xmlEscape(raw)).toBe(escaped);
  });
});

describe('buildMobileconfig refuses bad addresses instead of building a profile', () => {
  type Row = { email: string; reason: EmailErrorReason; note: string };
  const rows: Row[] = [
    { email: '', reason: 'empty', note: 'nothing' },
    { email: '   ', reason: 'empty', note: 'only spaces' },
    // a domain without a mailbox
    { email: 'example.com', reason: 'missing-at', note: 'no at sign' },
    { email: 'a@b@example.com', reason: 'multiple-at', note: 'two at signs' },
    { email: '@example.com', reason: 'empty-local-part', note: 'no mailbox name' },
    // two addresses pasted at once
    { email: 'a@example.com, b@example.com', reason: 'multiple-at', note: 'a list of two addresses' },
    { email: 'zhang san@example.com', reason: 'invalid-local-part', note: 'a space in the mailbox name' },
    { email: '.zhang@example.com', reason: 'local-part-dots', note: 'a leading dot' },
    { email: 'zhang.@example.com', reason: 'local-part-dots', note: 'a trailing dot in the mailbox name' },
    { email: 'zhang..san@example.com', reason: 'local-part-dots', note: 'two dots in a row' },
    { email: '"zhang san"@example.com', reason: 'invalid-local-part', note: 'a quoted mailbox name' },
    // Alibaba Mail addresses are ASCII; a Chinese mailbox name is refused
    { email: '张三@example.com', reason: 'invalid-local-part', note: 'a Chinese mailbox name' },
    { email: `${'a'.repeat(65)}@example.com`, reason: 'local-part-too-long', note: 'a 65-character mailbox name' },
    { email: 'zhang@', reason: 'invalid-domain', note: 'no domain' },
    { email: 'zhang@localhost', reason: 'invalid-domain', note: 'a single-label domain' },
    { email: 'zhang@192.0.2.1', reason: 'invalid-domain', note: 'an IP address' },
    { email: 'zhang@exa_mple!.com', reason: 'invalid-domain', note: 'a character a domain cannot have' },
    // things normaliseDomain would tolerate in a URL, but not in an address
    { email: 'zhang@example.com/path', reason: 'invalid-domain', note: 'a path after the domain' },
    { email: 'zhang@example.com:993', reason: 'invalid-domain', note: 'a port after the domain' },
    { email: 'zhang@example..com', reason: 'invalid-domain', note: 'two dots in the domain' },
    { email: `zhang@${'abcdefghi.'.repeat(25)}com`, reason: 'too-long', note: 'an address longer than 254 characters' },
  ];
  it.each(rows)('refuses $note', ({ email, reason }) => {
    const r = build({ email });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('invalid-email');
    expect(r.reason).toBe(reason);
    expect(r.input).toBe(email);
    if (reason === 'invalid-domain') expect(r.domainError?.code).toBeDefined();
  });

  it.each([
    // the first character that cannot appear, named in the error
    { email: 'zhang san@example.com', detail: ' ' },
    { email: '张三@example.com', detail: '张' },
    { email: 'a,b@example.com', detail: ',' },
  ])('names the offending character of $email', ({ email, detail }) => {
    const r = build({ email });
    expect(!r.ok && r.detail).toBe(detail);
  });
});

describe('buildMobileconfig never puts a plain-text port in a profile', () => {
  const plainImap: ProviderProfile = {
    ...aliyunCn,
    clients: { ...aliyunCn.clients, imap: { host: 'imap.example.net', port: 143, security: 'plain' } },
  };
  const plainFirst: ProviderProfile = {
    ...aliyunCn,
    clients: {
      ...aliyunCn.clients,
      smtp: { host: 'smtp.example.net', port: 25, security: 'plain', otherPorts: [{ port: 465, security: 'ssl' }] },
    },
  };
  it('refuses a provider whose IMAP server has no encrypted port', () => {
    const r = build({ provider: plainImap });
    expect(r.ok).toBe(false);
    expect(!r.ok && [r.code, r.detail]).toEqual(['no-secure-server', 'IMAP']);
  });
  it('uses the encrypted alternative when the first listed port is plain', () => {
    expect(payloads(okXml({ provider: plainFirst })).account['OutgoingMailServerPortNumber']).toBe(465);
  });
});

describe('buildMobileconfig names the file after the address', () => {
  it.each([
    // the normalised address
    { email: 'Zhang@Example.com', filename: 'Zhang@example.com.mobileconfig' },
    // punycode, never a Chinese file name the device might mangle
    { email: 'li@例子.中国', filename: 'li@xn--fsqu00a.xn--fiqs8s.mobileconfig' },
    // characters a file system objects to are replaced
    { email: 'a/b|c*d?@example.com', filename: 'a_b_c_d_@example.com.mobileconfig' },
  ])('downloads $email as $filename', ({ email, filename }) => {
    const r = build({ email });
    expect(r.ok && r.filename).toBe(filename);
  });
});

describe('buildMobileconfig on arbitrary input', () => {
  const anyString = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
    fc.emailAddress(),
    fc.tuple(fc.string(), fc.constantFrom('@', '＠', '&', '<', '"', "'"), fc.domain()).map((p) => p.join('')),
  );

  it('never throws, and every profile it builds reads back with no password', () => {
    fc.assert(
      fc.property(anyString, anyString, fc.constantFrom('zh' as const, 'en' as const), fc.constantFrom(aliyunCn, aliyunIntl), (email, name, lang, provider) => {
        const r = buildMobileconfig({ provider, email, displayName: name, lang, uuid: counter() });
        if (!r.ok) {
          expect(r.code).toBe('invalid-email');
          return;
        }
        const { account } = payloads(r.xml);
        expect(account['EmailAddress']).toBe(r.address);
        expect(allKeys(readPlist(r.xml)).filter((k) => /password/i.test(k))).toEqual(['OutgoingPasswordSameAsIncomingPassword']);
        const cleaned = name.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '').trim();
        expect(account['EmailAccountName']).toBe(cleaned === '' ? undefined : cleaned);
        expect(r.filename).toMatch(/^[A-Za-z0-9._@+-]+\.mobileconfig$/);
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('accepts every dot-atom address whose domain is a valid name, and a second pass changes nothing', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const domainOk = normaliseDomain(email.slice(email.lastIndexOf('@') + 1)).ok;
        const r = parseEmailAddress(email);
        expect(r.ok).toBe(domainOk && email.length <= 254);
        if (r.ok) expect(parseEmailAddress(r.address)).toEqual(r);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
