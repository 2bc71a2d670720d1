import { describe, expect, it } from 'vitest';
import { splitMessage } from '~/core/message/header';
import { baseDomain, buildHops, isInternalIp, normaliseIp, operatorOf, parseReceived, RECEIVED_MAX_CHARS } from '~/core/message/received';

/** Unfolded value of a Received field written with folding. */
const v = (s: string) => ` ${s.replace(/\n\s*/g, ' ')}`;

describe('parseReceived on the formats real servers write', () => {
  type Row = { name: string; value: string; want: Record<string, unknown> };
  const rows: Row[] = [
    {
      name: 'Gmail’s border MX (ESMTPS, TLS version in a comment, PST)',
      value: v(`from smtp.example.cn (smtp.example.cn. [203.0.113.5])
        by mx.google.com with ESMTPS id x1si1234567pfb.45.2026.11.02.17.15.04
        for <li@gmail.com>
        (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256);
        Mon, 02 Nov 2026 17:15:04 -0800 (PST)`),
      want: { helo: 'smtp.example.cn', rdns: 'smtp.example.cn', ip: '203.0.113.5', by: 'mx.google.com', protocol: 'ESMTPS', tls: true, tlsVersion: 'TLS 1.3', cipher: 'TLS_AES_256_GCM_SHA384', id: 'x1si1234567pfb.45.2026.11.02.17.15.04', for: 'li@gmail.com' },
    },
    {
      name: 'Gmail between its own servers (Google Transport Security)',
      value: v(`from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41])
        by mx.google.com with SMTPS id a640c23a62f3a-a7b3c1c6b2csor1234.3.2026.11.02.17.15.03
        for <li@gmail.com>
        (Google Transport Security);
        Mon, 02 Nov 2026 17:15:03 -0800 (PST)`),
      want: { helo: 'mail-sor-f41.google.com', ip: '209.85.220.41', protocol: 'SMTPS', tls: true },
    },
    {
      name: 'Gmail’s internal hop (by an address, no from)',
      value: v(`by 2002:a05:7300:5ba4:b0:12f:ca0d:9b61 with SMTP id ez36csp1234567dyb;
        Mon, 02 Nov 2026 17:15:05 -0800 (PST)`),
      want: { by: '2002:a05:7300:5ba4:b0:12f:ca0d:9b61', protocol: 'SMTP', tls: false },
    },
    {
      name: 'Microsoft 365 (IP in parentheses, "Microsoft SMTP Server" with version=TLS1_2)',
      value: v(`from mail.example.cn (203.0.113.5) by DM6NAM11FT012.mail.protection.outlook.com
        (10.13.173.109) with Microsoft SMTP Server (version=TLS1_2,
        cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.7633.15 via Frontend
        Transport; Tue, 3 Nov 2026 01:15:04 +0000`),
      want: { helo: 'mail.example.cn', ip: '203.0.113.5', by: 'DM6NAM11FT012.mail.protection.outlook.com', protocol: 'MICROSOFT SMTP SERVER', tls: true, tlsVersion: 'TLS 1.2' },
    },
    {
      name: 'Microsoft internal hop without TLS',
      value: v(`from SN7PR11MB1234.namprd11.prod.outlook.com (::1) by SN7PR11MB1234.namprd11.prod.outlook.com
        with Microsoft SMTP Server id 15.20.7633.15; Tue, 3 Nov 2026 01:15:06 +0000`),
      want: { ip: '::1', protocol: 'MICROSOFT SMTP SERVER', tls: false },
    },
    {
      name: 'Postfix with a "using TLSv1.3" note',
      value: v(`from mail.example.cn (mail.example.cn [203.0.113.5])
        (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)
        key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)
        (No client certificate requested)
        by mx.example.net (Postfix) with ESMTPS id 4XkQ2b0dJlz9sWb
        for <li@example.net>; Tue,  3 Nov 2026 09:15:04 +0800 (CST)`),
      want: { helo: 'mail.example.cn', rdns: 'mail.example.cn', ip: '203.0.113.5', by: 'mx.example.net', protocol: 'ESMTPS', tls: true, tlsVersion: 'TLS 1.3', id: '4XkQ2b0dJlz9sWb', for: 'li@example.net' },
    },
    {
      name: 'Postfix from an unknown reverse name, plain SMTP',
      value: v(`from helo.example.org (unknown [198.51.100.7]) by mx.example.net (Postfix) with SMTP id 1A2B3C;
        Tue, 3 Nov 2026 09:15:04 +0800`),
      want: { helo: 'helo.example.org', ip: '198.51.100.7', protocol: 'SMTP', tls: false },
    },
    {
      name: 'Exim (helo= note, esmtps with TLS1.3)',
      value: v(`from [203.0.113.9] (helo=mail.example.org)
        by mx.example.net with esmtps  (TLS1.3) tls TLS_AES_256_GCM_SHA384
        (Exim 4.96)
        (envelope-from <a@example.org>)
        id 1t7abc-000Xyz-1a
        for li@example.net; Tue, 03 Nov 2026 02:15:04 +0100`),
      want: { helo: 'mail.example.org', ip: '203.0.113.9', by: 'mx.example.net', protocol: 'ESMTPS', tls: true, tlsVersion: 'TLS 1.3', id: '1t7abc-000Xyz-1a', for: 'li@example.net' },
    },
    {
      name: 'qmail (HELO note, address without brackets)',
      value: v(`from unknown (HELO p3plibsmtp01-01.prod.phx3.secureserver.net) ([72.167.238.33])
        (envelope-sender <a@example.org>)
        by p3plsmtp01-04-26.prod.phx3.secureserver.net (qmail-1.03) with SMTP; 31 Mar 2019 00:01:28 -0000`),
      want: { helo: 'p3plibsmtp01-01.prod.phx3.secureserver.net', ip: '72.167.238.33', by: 'p3plsmtp01-04-26.prod.phx3.secureserver.net', protocol: 'SMTP', tls: false },
    },
    {
      name: 'Coremail webmail submission',
      value: v(`from zhang$example.cn ( [203.0.113.7] ) by ajax-webmail-app2 (Coremail) ;
        Tue, 3 Nov 2026 09:15:00 +0800 (GMT+08:00)`),
      want: { ip: '203.0.113.7', by: 'ajax-webmail-app2' },
    },
    {
      name: 'Alibaba Mail submission (IP glued to a comment)',
      value: v(`from 30.221.130.20(mailfrom:zhang@example.cn fp:SMTPD_---0WxyzAB_1730596500)
          by smtp.aliyun-inc.com;
          Tue, 03 Nov 2026 09:15:00 +0800`),
      want: { helo: '30.221.130.20', ip: '30.221.130.20', by: 'smtp.aliyun-inc.com' },
    },
    {
      name: 'an IPv6 literal',
      value: v(`from mail.example.org ([IPv6:2001:DB8::1]) by mx.example.net with LMTP; Tue, 3 Nov 2026 09:15:00 +0800`),
      want: { ip: '2001:db8::1', protocol: 'LMTP' },
    },
  ];
  it.each(rows)('$name', ({ value, want }) => {
    expect(parseReceived(value)).toMatchObject(want);
  });

  it('reads the date after the last semicolon', () => {
    expect(new Date(parseReceived(rows[0]!.value).date!.ms).toISOString()).toBe('2026-11-03T01:15:04.000Z');
  });

  it('has no date when there is no semicolon', () => {
    expect(parseReceived(' from a by b with SMTP').date).toBeUndefined();
  });
});

describe('helpers', () => {
  it.each([
    ['203.0.113.5', '203.0.113.5'],
    ['[IPv6:2001:DB8:0:0::1]', '2001:db8::1'],
    ['::ffff:192.0.2.1', '192.0.2.1'],
    ['example.com', undefined],
    ['300.1.1.1', undefined],
  ])('normaliseIp(%j) is %j', (input, out) => expect(normaliseIp(input)).toBe(out));

  it.each([
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['192.168.1.1', true],
    ['127.0.0.1', true],
    ['100.64.0.1', true],
    ['::1', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['203.0.113.5', false],
    ['2001:db8::1', false],
  ])('isInternalIp(%j) is %j', (ip, internal) => expect(isInternalIp(ip)).toBe(internal));

  it.each([
    ['mx.google.com', 'google.com'],
    ['mail.example.com.cn', 'example.com.cn'],
    ['a.b.example.co.uk', 'example.co.uk'],
    ['example.com', 'example.com'],
  ])('baseDomain(%j) is %j', (host, base) => expect(baseDomain(host)).toBe(base));

  it('puts Microsoft’s host names in one family', () => {
    expect(operatorOf('DM6PR11CA0011.outlook.office365.com')).toBe(operatorOf('SN7PR11MB1234.namprd11.prod.outlook.com'));
  });
});

function hopsOf(received: string[], extra = '') {
  const msg = `${received.map((r) => `Received: ${r}`).join('\r\n')}\r\n${extra}From: a@example.cn\r\n\r\nbody`;
  return buildHops(splitMessage(msg).fields);
}

describe('buildHops', () => {
  it('orders hops from the sender and measures delays across time zones in whole seconds', () => {
    const chain = hopsOf([
      'from mx.example.net (mx.example.net [198.51.100.1]) by store.example.net with LMTP; Tue, 03 Nov 2026 02:15:10 +0100',
      'from mail.example.cn (mail.example.cn [203.0.113.5]) by mx.example.net with ESMTPS; Mon, 2 Nov 2026 17:15:04 -0800',
      'from [192.168.1.20] (helo=pc) by mail.example.cn with ESMTPSA; Tue, 3 Nov 2026 09:15:00 +0800',
    ]);
    expect(chain.hops.map((h) => [h.by, h.delaySeconds])).toEqual([
      ['mail.example.cn', undefined],
      ['mx.example.net', 4],
      ['store.example.net', 6],
    ]);
    expect(chain.totalSeconds).toBe(10);
  });

  it('flags a long delay, a hop without TLS from outside, a clock that runs backwards and a missing date', () => {
    const chain = hopsOf([
      'from relay.example.net (relay.example.net [198.51.100.9]) by mx.example.org with ESMTPS; Tue, 3 Nov 2026 09:00:00 +0800',
      'from mail.example.cn (mail.example.cn [203.0.113.5]) by relay.example.net with SMTP; Tue, 3 Nov 2026 09:30:00 +0800',
      'from [10.0.0.2] by mail.example.cn with SMTP; Tue, 3 Nov 2026 09:00:00 +0800',
      'from [10.0.0.1] by gateway.example.cn with SMTP',
    ]);
    expect(chain.hops.map((h) => h.flags)).toEqual([['no-date'], [], ['long-delay', 'no-tls'], ['clock-skew']]);
    expect(chain.hops.map((h) => h.internal)).toEqual([true, true, false, false]);
  });

  it('finds the IP and HELO that Gmail’s border MX saw, past Gmail’s internal hop', () => {
    const chain = hopsOf([
      'by 2002:a05:7300:5ba4:b0:12f:ca0d:9b61 with SMTP id ez36csp1234567dyb; Mon, 02 Nov 2026 17:15:05 -0800 (PST)',
      'from smtp.example.cn (smtp.example.cn. [203.0.113.5]) by mx.google.com with ESMTPS id x1si; Mon, 02 Nov 2026 17:15:04 -0800 (PST)',
      'from [192.168.1.20] by smtp.example.cn with ESMTPSA; Tue, 3 Nov 2026 09:15:00 +0800',
    ]);
    expect(chain.connecting).toEqual({ ip: '203.0.113.5', helo: 'smtp.example.cn', rdns: 'smtp.example.cn', hopIndex: 1, source: 'received' });
  });

  it('finds the border of Microsoft 365 past its internal hops on outlook.com and office365.com names', () => {
    const chain = hopsOf([
      'from DM6PR11CA0011.namprd11.prod.outlook.com (2603:10b6:5:190::24) by SN7PR11MB1234.namprd11.prod.outlook.com with HTTPS; Tue, 3 Nov 2026 01:15:06 +0000',
      'from DM6NAM11FT012.eop-nam11.prod.protection.outlook.com (2603:10b6:5:2f0:cafe::c1) by DM6PR11CA0011.outlook.office365.com (2603:10b6:5:190::24) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.7633.15 via Frontend Transport; Tue, 3 Nov 2026 01:15:05 +0000',
      'from mail.example.cn (203.0.113.5) by DM6NAM11FT012.mail.protection.outlook.com (10.13.173.109) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.7633.15 via Frontend Transport; Tue, 3 Nov 2026 01:15:04 +0000',
    ]);
    expect(chain.connecting).toMatchObject({ ip: '203.0.113.5', helo: 'mail.example.cn', hopIndex: 0, source: 'received' });
  });

  it('prefers the receiver’s Received-SPF client-ip and helo', () => {
    const chain = hopsOf(
      ['from smtp.example.cn (smtp.example.cn [203.0.113.5]) by mx.example.net with ESMTPS; Tue, 3 Nov 2026 09:15:04 +0800'],
      '',
    );
    expect(chain.connecting?.source).toBe('received');
    const msg =
      'Received-SPF: pass (mx.example.net: domain of a@example.cn designates 203.0.113.6 as permitted sender) client-ip=203.0.113.6; envelope-from=a@example.cn; helo=out.example.cn;\r\n' +
      'Received: from smtp.example.cn (smtp.example.cn [203.0.113.5]) by mx.example.net with ESMTPS; Tue, 3 Nov 2026 09:15:04 +0800\r\n\r\n';
    expect(buildHops(splitMessage(msg).fields).connecting).toEqual({ ip: '203.0.113.6', helo: 'out.example.cn', source: 'received-spf' });
  });

  it('ignores a Received-SPF below the receiver’s border (written by the sender’s own relay)', () => {
    const msg =
      'Received: from smtp.example.cn (smtp.example.cn [203.0.113.5]) by mx.example.net with ESMTPS; Tue, 3 Nov 2026 09:15:04 +0800\r\n' +
      'Received-SPF: pass client-ip=10.0.0.9; helo=pc;\r\n' +
      'Received: from [10.0.0.9] by smtp.example.cn with ESMTPSA; Tue, 3 Nov 2026 09:15:00 +0800\r\n\r\n';
    expect(buildHops(splitMessage(msg).fields).connecting).toMatchObject({ ip: '203.0.113.5', source: 'received' });
  });

  it('has no hops and no connecting IP without Received fields', () => {
    expect(hopsOf([])).toEqual({ hops: [] });
  });

  it('measures a delay across a hop without a date from the nearest earlier dated hop, and says which', () => {
    const chain = hopsOf([
      'from b.example.net ([198.51.100.2]) by c.example.net with ESMTPS; Tue, 3 Nov 2026 09:00:30 +0800',
      'from a.example.net ([198.51.100.1]) by b.example.net with ESMTPS',
      'from [10.0.0.1] by a.example.net with ESMTPSA; Tue, 3 Nov 2026 09:00:00 +0800',
    ]);
    // The hop without a date has no delay of its own; the next one is 30 s after hop 0, not after hop 1.
    expect(chain.hops.map((h) => [h.delaySeconds, h.delayFrom])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
      [30, 0],
    ]);
  });

  it('gives the delay from the previous hop when it has a date', () => {
    const chain = hopsOf([
      'from a.example.net ([198.51.100.1]) by b.example.net with ESMTPS; Tue, 3 Nov 2026 09:00:05 +0800',
      'from [10.0.0.1] by a.example.net with ESMTPSA; Tue, 3 Nov 2026 09:00:00 +0800',
    ]);
    expect(chain.hops.map((h) => [h.delaySeconds, h.delayFrom])).toEqual([
      [undefined, undefined],
      [5, 0],
    ]);
  });

  it('reads at most 100 Received fields', () => {
    const chain = hopsOf(Array.from({ length: 150 }, (_, i) => `from a${i}.example.net ([198.51.100.${i % 250}]) by b${i}.example.net with ESMTPS; Tue, 3 Nov 2026 09:15:00 +0800`));
    expect(chain.hops).toHaveLength(100);
  });
});

describe('hostile Received fields (untrusted input never freezes the page)', () => {
  const KB64 = 64 * 1024;
  it.each([
    { name: 'open parentheses', fill: '(' },
    { name: 'open parentheses and spaces', fill: '( ' },
    { name: 'names in parentheses without an address', fill: '(a.b ' },
    { name: 'TLS words', fill: 'TLS ' },
    { name: 'keywords', fill: 'by ' },
  ])('keeps 100 fields of 64 KB of $name to 100 hops of at most RECEIVED_MAX_CHARS each', ({ fill }) => {
    const field = `from ${fill.repeat(Math.floor((KB64 - 100) / fill.length))}; Tue, 3 Nov 2026 09:00:00 +0800`;
    const chain = hopsOf(Array.from({ length: 100 }, () => field));
    expect(chain.hops).toHaveLength(100);
    // 100 × 64 KB in, at most 100 × 4 KB of hop text out.
    expect(chain.hops.reduce((n, h) => n + h.text.length, 0)).toBeLessThanOrEqual(100 * RECEIVED_MAX_CHARS);
    // The date after the last semicolon is still read.
    expect(chain.hops.every((h) => h.date?.ms === Date.UTC(2026, 10, 3, 1, 0, 0))).toBe(true);
  });

  it('reads the date after the last semicolon even far past the part that is parsed', () => {
    const r = parseReceived(`from a.example.net ([198.51.100.1]) by b.example.net with ESMTPS id ${'x'.repeat(20_000)}; Tue, 3 Nov 2026 09:00:00 +0800`);
    expect(r).toMatchObject({ ip: '198.51.100.1', by: 'b.example.net', protocol: 'ESMTPS' });
    expect(r.date?.ms).toBe(Date.UTC(2026, 10, 3, 1, 0, 0));
  });

  it('takes no name longer than a DNS name (253 characters) as the reverse-DNS name or HELO', () => {
    const long = `${'a'.repeat(300)}.example.net`;
    expect(parseReceived(`from ${long} (${long} [203.0.113.5]) by mx.example.net with ESMTPS; Tue, 3 Nov 2026 09:00:00 +0800`)).toMatchObject({ ip: '203.0.113.5', by: 'mx.example.net' });
    const r = parseReceived(`from ${long} (${long} [203.0.113.5]) by mx.example.net with ESMTPS; Tue, 3 Nov 2026 09:00:00 +0800`);
    expect([r.rdns, r.helo]).toEqual([undefined, undefined]);
  });
});
