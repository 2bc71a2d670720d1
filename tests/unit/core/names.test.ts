import { describe, expect, it } from 'vitest';
import { isAtOrBelow, normaliseName, sameName } from '~/core/names';

describe('normaliseName', () => {
  it.each([
    // The everyday forms of one name.
    { input: 'Example.COM', out: 'example.com' },
    { input: 'example.com.', out: 'example.com' },
    { input: '  example.com  ', out: 'example.com' },
    // Several trailing dots, as typed by mistake.
    { input: 'example.com..', out: 'example.com' },
    // The root stays the root (a null MX points at it).
    { input: '.', out: '.' },
    { input: '..', out: '.' },
    { input: '', out: '' },
    // A dot escaped inside a label is part of the label, not the end of the name.
    { input: 'a\\.', out: 'a\\.' },
    { input: 'a\\\\.', out: 'a\\\\' },
    // Only ASCII letters fold: DNS compares other bytes as they are (RFC 4343).
    { input: 'ÉCOLE.Example', out: 'École.example' },
    { input: '_DMARC.Example.com', out: '_dmarc.example.com' },
  ])('turns "$input" into "$out"', ({ input, out }) => {
    expect(normaliseName(input)).toBe(out);
  });
});

describe('sameName and isAtOrBelow', () => {
  it.each([
    { a: 'Example.com.', b: 'example.com', same: true },
    { a: 'mail.example.com', b: 'example.com', same: false },
  ])('$a and $b are the same name: $same', ({ a, b, same }) => {
    expect(sameName(a, b)).toBe(same);
  });

  it.each([
    { name: 'mail.Example.com.', zone: 'example.com', below: true },
    { name: 'example.com', zone: 'example.com', below: true },
    // A name that only ends in the same letters is not below the zone.
    { name: 'badexample.com', zone: 'example.com', below: false },
    { name: 'example.com', zone: 'mail.example.com', below: false },
  ])('$name is at or below $zone: $below', ({ name, zone, below }) => {
    expect(isAtOrBelow(name, zone)).toBe(below);
  });
});
