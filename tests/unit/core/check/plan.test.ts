import { describe, expect, it } from 'vitest';
import { doubledName, planCheck } from '~/core/check/plan';
import { buildExpectedRecords } from '~/core/expected';
import { getProvider } from '~/core/providers/index';
import type { ProviderProfile } from '~/core/providers/types';

const cn = getProvider('aliyun-cn') as ProviderProfile;
const D = 'example.com';
const all = (extra: string[] = []) =>
  buildExpectedRecords({ domain: D, provider: cn, dmarc: { policy: 'quarantine' }, extraSpf: extra });
const asked = (qs: { name: string; type: string }[]) => qs.map((q) => `${q.type} ${q.name}`);

describe('planCheck', () => {
  it('asks every question of the first wave once, in a stable order', () => {
    expect(asked(planCheck(all(), D))).toEqual([
      // The domain itself: whether it exists at all.
      'TXT example.com',
      'MX example.com',
      // Each row's question, then the same record typed in full into a console that appends the domain.
      'MX example.com.example.com',
      'TXT example.com.example.com',
      // SPF: the record put at www by mistake, and the provider's include the record names.
      'TXT www.example.com',
      'TXT spf.qiye.aliyun.com',
      'TXT default._domainkey.example.com',
      'TXT default._domainkey.example.com.example.com',
      'TXT _dmarc.example.com',
      'TXT _dmarc.example.com.example.com',
      // DMARC: the first question of the RFC 9989 tree walk (a public suffix may publish a policy, psd=y).
      'TXT _dmarc.com',
      'CNAME mail.example.com',
      'CNAME mail.example.com.example.com',
      // The optional client CNAMEs are not worth a probe each.
      'CNAME imap.example.com',
      'CNAME smtp.example.com',
      'CNAME pop3.example.com',
    ]);
  });

  it('asks for the includes of the other senders the reader listed, but not for ip4: ranges', () => {
    const q = asked(planCheck(all(['spf1.dm.aliyun.com', 'include:Mail.Example.net', 'ip4:192.0.2.1']), D));
    expect(q).toContain('TXT spf1.dm.aliyun.com');
    expect(q).toContain('TXT mail.example.net');
    expect(q.filter((x) => x.includes('192.0.2.1'))).toEqual([]);
  });

  it('asks only for the rows it is given, plus the domain itself', () => {
    const dmarcOnly = all().filter((r) => r.id === 'dmarc');
    expect(asked(planCheck(dmarcOnly, D))).toEqual(['TXT example.com', 'TXT _dmarc.example.com', 'TXT _dmarc.example.com.example.com', 'TXT _dmarc.com']);
  });

  it('names the doubled name in normal form', () => {
    expect(doubledName('_DMARC.Example.com.', 'Example.com')).toBe('_dmarc.example.com.example.com');
  });
});
