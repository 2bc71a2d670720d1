import { describe, expect, it } from 'vitest';
import { dmarcWalkNames, firstWalkQuestion } from '~/core/dmarc/names';

describe('dmarcWalkNames (RFC 9989 §4.10 steps 3–7)', () => {
  it.each([
    { domain: 'com', names: ['com'] },
    { domain: 'example.com', names: ['example.com', 'com'] },
    { domain: 'Mail.Example.COM.', names: ['mail.example.com', 'example.com', 'com'] },
    // 8 labels: the parent has 7, then one fewer each time (8 questions)
    { domain: 'a.b.c.d.e.f.example.com', names: ['a.b.c.d.e.f.example.com', 'b.c.d.e.f.example.com', 'c.d.e.f.example.com', 'd.e.f.example.com', 'e.f.example.com', 'f.example.com', 'example.com', 'com'] },
    // 9 labels: shortened to 7 after the first question
    { domain: 'x.a.b.c.d.e.f.example.com', names: ['x.a.b.c.d.e.f.example.com', 'b.c.d.e.f.example.com', 'c.d.e.f.example.com', 'd.e.f.example.com', 'e.f.example.com', 'f.example.com', 'example.com', 'com'] },
    // the example of §4.10: 13 labels, eight questions
    {
      domain: 'a.b.c.d.e.f.g.h.i.j.mail.example.com',
      names: ['a.b.c.d.e.f.g.h.i.j.mail.example.com', 'g.h.i.j.mail.example.com', 'h.i.j.mail.example.com', 'i.j.mail.example.com', 'j.mail.example.com', 'mail.example.com', 'example.com', 'com'],
    },
  ])('walks $domain as $names.length names', ({ domain, names }) => {
    expect(dmarcWalkNames(domain)).toEqual(names);
  });

  it('never asks more than eight names, however long the name', () => {
    const long = `${Array.from({ length: 60 }, (_, i) => `l${i}`).join('.')}.example.com`;
    expect(dmarcWalkNames(long)).toHaveLength(8);
  });
});

describe('firstWalkQuestion', () => {
  it.each([
    { domain: 'example.com', q: { name: '_dmarc.com', type: 'TXT' } },
    { domain: 'cn.example.com', q: { name: '_dmarc.example.com', type: 'TXT' } },
    { domain: 'x.a.b.c.d.e.f.example.com', q: { name: '_dmarc.b.c.d.e.f.example.com', type: 'TXT' } },
    { domain: 'com', q: undefined },
  ])('asks $q.name first after $domain', ({ domain, q }) => {
    expect(firstWalkQuestion(domain)).toEqual(q);
  });
});
