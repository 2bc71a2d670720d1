import { describe, expect, it } from 'vitest';
import { REPORTS_TEXT_EN, REPORTS_TEXT_ZH } from '~/core';
import { admitFiles, createAdmitter } from '~/components/DmarcReports/admit';
import { refusedText } from '~/components/DmarcReports/model';
import { en } from '~/components/DmarcReports/strings.en';
import { zh } from '~/components/DmarcReports/strings.zh';

const MB = 1024 * 1024;
const LIMITS = { maxInputBytes: 100 * MB, maxTotalBytes: 200 * MB };
const f = (name: string, mb: number) => ({ name, size: mb * MB });

describe('admitFiles', () => {
  const rows: [string, { name: string; size: number }[], string[], string[]][] = [
    ['files within both limits are all read', [f('a.xml', 10), f('b.zip', 90)], ['a.xml', 'b.zip'], []],
    ['a file over the per-file limit is refused by name', [f('big.zip', 101), f('a.xml', 1)], ['a.xml'], ['big.zip input-too-large']],
    [
      'files past the total are refused by name before any is read',
      [f('1.zip', 90), f('2.zip', 90), f('3.zip', 90), f('4.zip', 90)],
      ['1.zip', '2.zip'],
      ['3.zip total-too-large', '4.zip total-too-large'],
    ],
    ['a later file that still fits is read', [f('1.zip', 100), f('2.zip', 99), f('3.zip', 50), f('4.xml', 1)], ['1.zip', '2.zip', '4.xml'], ['3.zip total-too-large']],
    ['exactly the total is allowed', [f('1.zip', 100), f('2.zip', 100)], ['1.zip', '2.zip'], []],
  ];
  it.each(rows)('%s', (_name, files, admitted, refused) => {
    const out = admitFiles(files, LIMITS);
    expect(out.admitted.map((x) => x.name)).toEqual(admitted);
    expect(out.refused.map((r) => (r.by === 'page' ? `${r.file} ${r.code}` : ''))).toEqual(refused);
  });

  it('keeps the objects it was given, so the caller reads the very File', () => {
    const file = f('a.xml', 1);
    expect(admitFiles([file], LIMITS).admitted[0]).toBe(file);
  });
});

describe('createAdmitter', () => {
  it('admits one file at a time, counting only the files it let through', () => {
    const admitter = createAdmitter(LIMITS);
    const verdicts = [f('1.zip', 150), f('2.zip', 101), f('3.zip', 60), f('4.zip', 40)].map((x) => {
      const why = admitter.check(x);
      return why === undefined ? 'read' : why.by === 'page' ? why.code : why.error.code;
    });
    expect(verdicts).toEqual(['input-too-large', 'input-too-large', 'read', 'read']);
  });
});

describe('refusedText for the page’s total limit', () => {
  it('names the file and the total in both languages', () => {
    const r = { by: 'page', file: '3.zip', code: 'total-too-large', limit: 200 * MB } as const;
    expect([refusedText(r, en, REPORTS_TEXT_EN), refusedText(r, zh, REPORTS_TEXT_ZH)]).toEqual([
      '3.zip: the files chosen at once would pass 200.0 MB together: not read (choose fewer at a time)',
      '3.zip: 一次选择的文件合计将超过 200.0 MB，未读取（请分批选择）',
    ]);
  });
});
