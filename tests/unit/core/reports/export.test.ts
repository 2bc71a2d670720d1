import { beforeAll, describe, expect, it } from 'vitest';
import type { Advice } from '~/core/reports/advice';
import { aggregate } from '~/core/reports/aggregate';
import { adviceText, fileErrorText, groupName, REPORT_CSV_HEADER, reportsToCsv, senderName } from '~/core/reports/export';
import { parseReport } from '~/core/reports/parse';
import { groupSources, type PtrResult } from '~/core/reports/sources';
import { en } from '~/core/reports/text/en';
import { zh } from '~/core/reports/text/zh';
import type { DmarcReport } from '~/core/reports/types';
import { fixture, testPacer, text } from '../../support/reports';

let google: DmarcReport;
let outlook: DmarcReport;

beforeAll(async () => {
  const g = await parseReport('google.xml', fixture('google.xml'), testPacer());
  const o = await parseReport('outlook.xml', fixture('outlook.xml'), testPacer());
  if (!g.ok || !o.ok) throw new Error('fixtures');
  google = g.report;
  outlook = o.report;
});

/** CSV text → rows (a minimal RFC 4180 reader: quotes, doubled quotes, CRLF). */
function readCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && csv[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

describe('reportsToCsv', () => {
  it('writes one row per record under the header, with CRLF line ends', () => {
    const csv = reportsToCsv([google]);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = readCsv(csv);
    expect(rows[0]).toEqual([...REPORT_CSV_HEADER]);
    expect(rows.length).toBe(4);
    expect(rows[1]).toEqual([
      'google.xml',
      'google.com',
      '4412233445566778899',
      '2023-11-14T00:00:00.000Z',
      '2023-11-14T23:59:59.000Z',
      '2023-11-14',
      'example.com',
      'none',
      '192.0.2.10',
      '',
      '40',
      'none',
      'pass',
      'pass',
      'pass',
      'example.com',
      '',
      '',
      'example.com/default=pass; aliyun-example.net/s1=pass',
      'example.com=pass',
      '',
    ]);
  });

  it('fills the PTR column and keeps SPF scope', () => {
    const ptrs = new Map<string, PtrResult>([['2001:db8::25', { status: 'found', names: ['mail-yw1-f182.google.com'], confirmed: null }]]);
    const rows = readCsv(reportsToCsv([outlook], { ptrs }));
    expect([rows[2]?.[8], rows[2]?.[9], rows[2]?.[14], rows[2]?.[19]]).toEqual(['2001:db8::25', 'mail-yw1-f182.google.com', 'fail', 'example.org(mfrom)=softfail']);
  });

  it('applies the same filters as the figures', () => {
    expect(readCsv(reportsToCsv([google, outlook], { failuresOnly: true })).length - 1).toBe(3);
    expect(readCsv(reportsToCsv([google, outlook], { domain: 'example.net' })).length - 1).toBe(0);
  });

  it('quotes commas and quotes, and guards report text a spreadsheet would run', async () => {
    const evil = text(
      '<feedback><report_metadata><org_name>=HYPERLINK("http://x.example","y")</org_name><report_id>a,b</report_id>' +
        '<date_range><begin>1699920000</begin><end>1700006399</end></date_range></report_metadata>' +
        '<policy_published><domain>example.com</domain></policy_published>' +
        '<record><row><source_ip>192.0.2.1</source_ip><count>1</count><policy_evaluated><dkim>fail</dkim><spf>fail</spf></policy_evaluated></row>' +
        '<identifiers><header_from>@example.com</header_from></identifiers></record></feedback>',
    );
    const r = await parseReport('evil.xml', evil, testPacer());
    if (!r.ok) throw new Error(r.error.code);
    const row = readCsv(reportsToCsv([r.report]))[1];
    expect([row?.[1], row?.[2], row?.[15]]).toEqual(['\'=HYPERLINK("http://x.example","y")', 'a,b', "'@example.com"]);
  });
});

describe('names and wording helpers', () => {
  it('names senders in each language', () => {
    expect([senderName('tencent', 'zh'), senderName('tencent', 'en'), senderName('', 'en')]).toEqual(['腾讯（QQ 邮箱 / 腾讯企业邮）', 'Tencent (QQ Mail / Exmail)', '']);
  });

  it('names a group by its sender (here from its DKIM signature), else its PTR domain, else its IP', () => {
    const summary = aggregate([google]);
    const groups = groupSources(summary.sources, new Map([['203.0.113.30', { status: 'found', names: ['dyn.example-isp.net'], confirmed: true }]]));
    expect(groups.map((g) => groupName(g, en))).toEqual(['192.0.2.10', 'SendGrid', 'example-isp.net']);
  });

  it('words advice with its sender name', () => {
    const a: Advice = { code: 'own-provider-spf-missing', group: 'sender:alibaba-mail', severity: 'fail', messages: 1, params: { sender: 'alibaba-mail', include: 'spf.qiye.aliyun.com' } };
    expect(adviceText(a, en)).toBe('SPF does not pass for mail from Alibaba Mail: add include:spf.qiye.aliyun.com to your SPF record.');
    expect(adviceText(a, zh)).toBe('来自阿里邮箱的邮件 SPF 未通过：请在 SPF 记录中加入 include:spf.qiye.aliyun.com。');
  });

  it('words a refused file with its name', () => {
    expect(fileErrorText({ file: 'a.xml', code: 'malformed-xml', detail: '6:20: unexpected close tag.' }, zh)).toBe('a.xml: XML 格式错误（6:20: unexpected close tag.）');
  });
});
