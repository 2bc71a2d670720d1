import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectEncoding, parseReport, type ParseResult } from '~/core/reports/parse';
import type { DmarcReport } from '~/core/reports/types';
import { fixture, testPacer, text } from '../../support/reports';

async function parse(name: string, bytes: Uint8Array = fixture(name)): Promise<ParseResult> {
  return parseReport(name, bytes, testPacer());
}

async function report(name: string, bytes?: Uint8Array): Promise<DmarcReport> {
  const r = await parse(name, bytes);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.detail}`);
  return r.report;
}

/** A minimal valid report around the given records and policy. */
function doc(inner: { root?: string; meta?: string; policy?: string; records?: string; prolog?: string } = {}): Uint8Array {
  const root = inner.root ?? '<feedback>';
  const close = `</${/^<([^\s>]+)/.exec(root)?.[1] ?? 'feedback'}>`;
  return text(
    `${inner.prolog ?? '<?xml version="1.0" encoding="UTF-8"?>'}${root}` +
      `<report_metadata><org_name>R</org_name><email>r@example.org</email><report_id>1</report_id>` +
      `<date_range><begin>1700000000</begin><end>1700086400</end></date_range>${inner.meta ?? ''}</report_metadata>` +
      `<policy_published><domain>example.com</domain><p>none</p>${inner.policy ?? ''}</policy_published>` +
      `${inner.records ?? ''}${close}`,
  );
}

const rec = (ip: string, count: string, extra = '') =>
  `<record><row><source_ip>${ip}</source_ip><count>${count}</count><policy_evaluated><disposition>none</disposition><dkim>pass</dkim><spf>fail</spf></policy_evaluated></row><identifiers><header_from>example.com</header_from></identifiers><auth_results>${extra}</auth_results></record>`;

describe('parseReport on the reporter-style fixtures', () => {
  // file, format, org, report id, begin, end, domain, records, messages
  const rows: [string, string, string, string, string, string, number, number][] = [
    ['google.xml', 'rfc7489', 'google.com', '4412233445566778899', '2023-11-14T00:00:00.000Z', '2023-11-14T23:59:59.000Z', 3, 48],
    ['outlook.xml', 'rfc7489', 'Outlook.com', '2b7c3f1e9a0d4c6b8e5f7a9b1c3d5e7f', '2023-11-14T00:00:00.000Z', '2023-11-15T00:00:00.000Z', 2, 14],
    ['yahoo.xml', 'rfc7489', 'Yahoo', '1700092799.778899', '2023-11-15T00:00:00.000Z', '2023-11-15T23:59:59.000Z', 3, 28],
    ['qq.xml', 'rfc7489', 'QQ Mail', 'qq-20231116-0001', '2023-11-15T16:00:00.000Z', '2023-11-16T15:59:59.000Z', 2, 11],
    ['netease.xml', 'rfc7489', 'NetEase', '163-example.com-1700092800', '2023-11-16T00:00:00.000Z', '2023-11-16T23:59:59.000Z', 2, 10],
    ['rfc9990.xml', 'rfc9990', 'Example Receiver', '3v98abbp8ya9n3va8yr8oa3ya', '2023-11-16T00:00:00.000Z', '2023-11-16T23:59:59.000Z', 2, 7],
    ['draft-namespace.xml', 'rfc7489', 'Example Mail Receiver', 'draft-ns-1', '2023-11-17T00:00:00.000Z', '2023-11-17T23:59:59.000Z', 1, 4],
  ];
  it.each(rows)('reads %s', async (file, format, org, id, begin, end, records, messages) => {
    const r = await report(file);
    expect([r.format, r.orgName, r.reportId, r.begin, r.end, r.policy.domain, r.records.length]).toEqual([format, org, id, begin, end, 'example.com', records]);
    expect(r.records.reduce((n, x) => n + x.count, 0)).toBe(messages);
    expect(r.file).toBe(file);
    expect(r.skippedRecords).toBe(0);
  });

  it('keeps every DKIM result of a row (Google style)', async () => {
    const r = await report('google.xml');
    expect(r.records[0]?.dkimResults).toEqual([
      { domain: 'example.com', selector: 'default', result: 'pass', humanResult: '' },
      { domain: 'aliyun-example.net', selector: 's1', result: 'pass', humanResult: '' },
    ]);
    expect(r.policy).toEqual({ domain: 'example.com', p: 'none', sp: 'none', np: 'none', adkim: 'r', aspf: 'r', pct: '100', fo: '', testing: '', discoveryMethod: '' });
  });

  it('reads identifiers and SPF scope, and writes a long-form IPv6 canonically (Outlook style)', async () => {
    const r = await report('outlook.xml');
    expect(r.version).toBe('1.0');
    expect(r.policy.fo).toBe('0');
    expect(r.records[1]).toEqual({
      sourceIp: '2001:db8::25',
      count: 2,
      disposition: 'none',
      dkim: 'fail',
      spf: 'fail',
      reasons: [],
      headerFrom: 'example.com',
      envelopeFrom: 'example.org',
      envelopeTo: 'hotmail.com',
      dkimResults: [{ domain: 'example.com', selector: 'default', result: 'fail', humanResult: '' }],
      spfResults: [{ domain: 'example.org', scope: 'mfrom', result: 'softfail', humanResult: '' }],
    });
  });

  it('decodes an ISO-8859-1 report and leaves missing elements empty (Yahoo style)', async () => {
    const r = await report('yahoo.xml');
    expect(r.extraContactInfo).toBe('Café support');
    expect(r.policy.sp).toBe('');
    expect(r.records[0]?.dkimResults[0]?.selector).toBe('');
    expect(r.records[0]?.envelopeFrom).toBe('');
  });

  it('skips a BOM and lower-cases upper-case values (QQ style)', async () => {
    const r = await report('qq.xml');
    expect(r.policy).toMatchObject({ domain: 'example.com', p: 'none', adkim: 'r' });
    expect(r.records[0]).toMatchObject({ disposition: 'none', dkim: 'pass', spf: 'pass', headerFrom: 'example.com' });
    expect(r.records[0]?.dkimResults[0]?.result).toBe('pass');
  });

  it('reads ns0: prefixes, float timestamps and windows-1252 quotes (NetEase style)', async () => {
    const r = await report('netease.xml');
    expect([r.namespace, r.beginSec, r.endSec]).toEqual(['http://dmarc.org/dmarc-xml/0.1', 1700092800, 1700179199]);
    expect(r.extraContactInfo).toBe('\u201c163\u201d mail');
  });

  it('reads the RFC 9990 elements and ignores extensions', async () => {
    const r = await report('rfc9990.xml');
    expect(r.namespace).toBe('urn:ietf:params:xml:ns:dmarc-2.0');
    expect(r.generator).toBe('Example DMARC reporter 2.1');
    expect(r.errors).toEqual(['Unknown tag "foo" in the record at _dmarc.example.com, ignored']);
    expect(r.policy).toEqual({ domain: 'example.com', p: 'quarantine', sp: 'quarantine', np: 'reject', adkim: 'r', aspf: 'r', pct: '', fo: '', testing: 'y', discoveryMethod: 'treewalk' });
    expect(r.records[0]?.disposition).toBe('pass');
    expect(r.records[1]?.reasons).toEqual([{ type: 'policy_test_mode', comment: 't=y' }]);
  });
});

describe('parseReport refusals', () => {
  const rows: [string, string, Uint8Array | undefined, string, string][] = [
    ['a tag left open', 'malformed.xml', undefined, 'malformed-xml', '6:20: unexpected close tag.'],
    ['a billion-laughs DOCTYPE, without expanding it', 'billion-laughs.xml', undefined, 'xml-entities', ''],
    ['an external entity', 'xxe.xml', text('<?xml version="1.0"?><!DOCTYPE f [<!ENTITY x SYSTEM "file:///etc/passwd">]><feedback>&x;</feedback>'), 'xml-entities', ''],
    ['an undeclared entity', 'u.xml', text('<feedback><report_metadata><org_name>&lol;</org_name></report_metadata></feedback>'), 'malformed-xml', '1:42: undefined entity.'],
    ['XML that is not a report', 'not-dmarc.xml', undefined, 'not-dmarc', 'rss'],
    ['a document cut short', 'cut.xml', doc().subarray(0, 120), 'malformed-xml', '1:120: unclosed tag: report_metadata'],
    ['a report without date_range', 'nd.xml', text('<feedback><policy_published><domain>example.com</domain></policy_published></feedback>'), 'invalid-report', 'date_range'],
    ['a report without a policy domain', 'np.xml', text('<feedback><report_metadata><date_range><begin>1</begin><end>2</end></date_range></report_metadata></feedback>'), 'invalid-report', 'policy_published/domain'],
    ['an encoding TextDecoder does not know', 'enc.xml', doc({ prolog: '<?xml version="1.0" encoding="x-klingon"?>' }), 'bad-encoding', 'x-klingon'],
    ['text only', 'text.xml', text('hello'), 'malformed-xml', '1:5: text data outside of root node.'],
  ];
  it.each(rows)('refuses %s', async (_name, file, bytes, code, detail) => {
    expect(await parse(file, bytes)).toEqual({ ok: false, error: { file, code, detail } });
  });

  it('refuses a billion-laughs file in one short pass (its entities are never expanded)', async () => {
    const pacer = testPacer();
    await parseReport('b.xml', fixture('billion-laughs.xml'), pacer);
    expect(pacer.yields()).toBe(0);
  });
});

describe('parseReport quirks', () => {
  it('accepts whitespace before the XML declaration', async () => {
    const bytes = new Uint8Array([...text('\n\n  '), ...doc()]);
    expect((await report('ws.xml', bytes)).orgName).toBe('R');
  });

  it('ignores junk after the root element once the report is complete', async () => {
    const bytes = new Uint8Array([...doc({ records: rec('192.0.2.1', '1') }), ...text('\u0000\u0000garbage<')]);
    expect((await report('junk.xml', bytes)).records.length).toBe(1);
  });

  it('ignores unknown elements anywhere', async () => {
    const r = await report('u.xml', doc({ meta: '<x-vendor><a>1</a></x-vendor>', records: rec('192.0.2.1', '3', '<dkim><domain>example.com</domain><flavour>x</flavour><result>pass</result></dkim>') }));
    expect(r.records[0]?.dkimResults).toEqual([{ domain: 'example.com', selector: '', result: 'pass', humanResult: '' }]);
  });

  it('skips a record whose count or source IP cannot be read, and keeps the rest', async () => {
    const r = await report('bad.xml', doc({ records: rec('192.0.2.1', 'many') + rec('', '2') + rec('192.0.2.2', '5') }));
    expect([r.records.map((x) => x.sourceIp), r.skippedRecords]).toEqual([['192.0.2.2'], 2]);
  });

  it('keeps several SPF results and reasons of one row', async () => {
    const r = await report(
      's.xml',
      doc({
        records:
          '<record><row><source_ip>192.0.2.1</source_ip><count>1</count><policy_evaluated><disposition>none</disposition><dkim>fail</dkim><spf>fail</spf>' +
          '<reason><type>forwarded</type></reason><reason><type>local_policy</type><comment>ok</comment></reason></policy_evaluated></row>' +
          '<identifiers><header_from>example.com</header_from></identifiers><auth_results>' +
          '<spf><domain>helo.example.org</domain><scope>helo</scope><result>pass</result></spf><spf><domain>example.com</domain><scope>mfrom</scope><result>fail</result></spf>' +
          '</auth_results></record>',
      }),
    );
    expect(r.records[0]?.reasons).toEqual([{ type: 'forwarded', comment: '' }, { type: 'local_policy', comment: 'ok' }]);
    expect(r.records[0]?.spfResults.map((s) => `${s.scope}:${s.domain}=${s.result}`)).toEqual(['helo:helo.example.org=pass', 'mfrom:example.com=fail']);
  });

  it('reads CDATA text', async () => {
    const r = await report('c.xml', doc({ meta: '<error><![CDATA[bad <rua>]]></error>' }));
    expect(r.errors).toEqual(['bad <rua>']);
  });

  it('takes the org name from the email when org_name is missing', async () => {
    const bytes = text(new TextDecoder().decode(doc()).replace('<org_name>R</org_name>', ''));
    expect((await report('o.xml', bytes)).orgName).toBe('example.org');
  });

  it('reads a UTF-16 report', async () => {
    const s = new TextDecoder().decode(doc({ prolog: '<?xml version="1.0" encoding="UTF-16"?>', meta: '<extra_contact_info>中文</extra_contact_info>' }));
    const bytes = new Uint8Array(2 + s.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < s.length; i++) {
      bytes[2 + i * 2] = s.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = s.charCodeAt(i) >> 8;
    }
    expect((await report('u16.xml', bytes)).extraContactInfo).toBe('中文');
  });

  it('counts a report that ends inside one text slice as work, so many small reports yield in turn', async () => {
    const bytes = fixture('google.xml');
    const pacer = testPacer(undefined, bytes.length * 3);
    for (let i = 0; i < 6; i++) await parseReport(`r${i}.xml`, bytes, pacer);
    expect(pacer.yields()).toBe(2);
  });

  it('parses a report bigger than one text slice, yielding between slices', async () => {
    const records = Array.from({ length: 6000 }, (_, i) => rec(`192.0.2.${i % 250}`, '1')).join('');
    const bytes = doc({ records });
    const pacer = testPacer();
    const r = await parseReport('big.xml', bytes, pacer);
    expect(r.ok && r.report.records.length).toBe(6000);
    // Between 1 and 2 MiB: the first slice's MiB yields once; the rest (where the root closes) is short of another.
    expect([bytes.length > 1024 * 1024, bytes.length < 2 * 1024 * 1024]).toEqual([true, true]);
    expect(pacer.yields()).toBe(1);
  });
});

describe('parseReport on any input', () => {
  it('multi-byte characters split across text slices decode whole', async () => {
    // 400 000 × 3 bytes: some 中 straddles the 1 MiB slice boundary.
    const r = await report('wide.xml', doc({ meta: `<extra_contact_info>${'中'.repeat(400_000)}</extra_contact_info>` }));
    expect(r.extraContactInfo).toBe('中'.repeat(4096));
  });

  it('never throws on random bytes, only refuses with a typed error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const r = await parseReport('r.xml', bytes, testPacer());
        expect(r.ok || ['malformed-xml', 'not-dmarc', 'invalid-report', 'bad-encoding', 'xml-entities'].includes(r.error.code)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on a report with random text in its elements', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), async (a, b) => {
        const esc = (x: string) => x.replace(/&/g, '&amp;').replace(/</g, '&lt;');
        const r = await parseReport('r.xml', doc({ records: rec(esc(a), esc(b)) }), testPacer());
        expect(r.ok || r.error.code === 'malformed-xml').toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('detectEncoding', () => {
  const encodings: [string, string, Uint8Array][] = [
    ['no declaration', 'utf-8', text('<feedback/>')],
    ['windows-1252', 'windows-1252', text('<?xml version="1.0" encoding="windows-1252"?><f/>')],
    ['single quotes', 'iso-8859-1', text("<?xml version='1.0' encoding='ISO-8859-1'?><f/>")],
    ['a UTF-8 BOM over a Latin-1 declaration', 'utf-8', Uint8Array.of(0xef, 0xbb, 0xbf, ...text('<?xml version="1.0" encoding="ISO-8859-1"?>'))],
    ['UTF-16 declared in ASCII bytes', 'utf-8', text('<?xml version="1.0" encoding="UTF-16"?><f/>')],
    ['GBK', 'gbk', text('<?xml version="1.0" encoding="GBK"?><f/>')],
  ];
  it.each(encodings)('decodes a document with %s as %s', (_name, label, bytes) => {
    expect(detectEncoding(bytes).label).toBe(label);
  });
});
