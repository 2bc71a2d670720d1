import { describe, expect, it } from 'vitest';
import { parseMailDate } from '~/core/message/date';

describe('parseMailDate', () => {
  type Row = { name: string; text: string; iso: string; offset: number; known?: boolean };
  const rows: Row[] = [
    { name: 'RFC 5322 with a numeric zone', text: 'Tue, 03 Nov 2026 09:15:00 +0800', iso: '2026-11-03T01:15:00.000Z', offset: 480 },
    { name: 'a trailing zone comment', text: 'Fri, 11 Jul 2003 21:00:37 -0700 (PDT)', iso: '2003-07-12T04:00:37.000Z', offset: -420 },
    { name: 'without day of week and seconds', text: '3 Nov 2026 09:15 +0000', iso: '2026-11-03T09:15:00.000Z', offset: 0 },
    { name: 'an obsolete US zone', text: 'Mon, 2 Nov 2026 20:00:00 EST', iso: '2026-11-03T01:00:00.000Z', offset: -300 },
    { name: 'GMT', text: 'Mon, 2 Nov 2026 20:00:00 GMT', iso: '2026-11-02T20:00:00.000Z', offset: 0 },
    { name: 'a two-digit year', text: '2 Nov 26 20:00:00 +0000', iso: '2026-11-02T20:00:00.000Z', offset: 0 },
    { name: 'a three-digit year', text: '2 Nov 126 20:00:00 +0000', iso: '2026-11-02T20:00:00.000Z', offset: 0 },
    { name: 'a military zone letter (zone unknown)', text: '2 Nov 2026 20:00:00 Z', iso: '2026-11-02T20:00:00.000Z', offset: 0 },
    { name: 'a zone with a colon', text: 'Tue, 3 Nov 2026 09:15:00 +08:00', iso: '2026-11-03T01:15:00.000Z', offset: 480 },
    { name: 'a single-digit hour and (GMT+08:00) comment (Coremail)', text: 'Tue, 3 Nov 2026 9:15:00 +0800 (GMT+08:00)', iso: '2026-11-03T01:15:00.000Z', offset: 480 },
    { name: 'no zone at all', text: 'Tue, 3 Nov 2026 09:15:00', iso: '2026-11-03T09:15:00.000Z', offset: 0, known: false },
    { name: '-0000 (no zone information)', text: 'Tue, 3 Nov 2026 09:15:00 -0000', iso: '2026-11-03T09:15:00.000Z', offset: 0, known: false },
    { name: 'ISO 8601', text: '2026-11-03T09:15:00+08:00', iso: '2026-11-03T01:15:00.000Z', offset: 480 },
  ];
  it.each(rows)('reads $name', ({ text, iso, offset, known }) => {
    const d = parseMailDate(text);
    expect(d && new Date(d.ms).toISOString()).toBe(iso);
    expect(d?.offsetMinutes).toBe(offset);
    if (known !== undefined) expect(d?.zoneKnown).toBe(known);
  });

  it.each(['', 'yesterday', '31 Feb 2026 10:00:00 +0000', '3 Nov 2026 25:00:00 +0000', '3 Foo 2026 10:00:00 +0000'])('refuses %j', (text) => {
    expect(parseMailDate(text)).toBeUndefined();
  });
});
