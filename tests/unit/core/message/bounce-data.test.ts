import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BOUNCE_IDS, BOUNCE_PATTERNS, GUIDE_SLUGS, STATUS_DETAIL_INFO, STATUS_DETAILS } from '~/core/message/bounce-data';
import { BOUNCE_TEXTS_EN } from '~/core/message/bounce.en';
import { BOUNCE_TEXTS_ZH } from '~/core/message/bounce.zh';
import { DMARC_ADVICE_GUIDE } from '~/core/message/dmarc';

const DOCS = fileURLToPath(new URL('../../../../src/content/docs/', import.meta.url));

describe('bounce data', () => {
  it('uses every id once, and only known ids', () => {
    const ids = BOUNCE_PATTERNS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...BOUNCE_IDS].sort());
  });

  it.each(BOUNCE_PATTERNS.map((p) => [p.id, p] as const))('%s cites an https page and matches on a code or a text', (_, p) => {
    expect(p.source).toMatch(/^https:\/\/[a-z0-9.-]+\//);
    expect(p.status !== undefined || p.text !== undefined).toBe(true);
  });

  it.each(BOUNCE_IDS.map((id) => [id]))('%s has a title, cause and action in both languages', (id) => {
    for (const texts of [BOUNCE_TEXTS_EN, BOUNCE_TEXTS_ZH]) {
      const t = texts.ids[id];
      expect(t.title.length * t.cause.length * t.action.length).toBeGreaterThan(0);
    }
  });

  it('has a text for every registered detail code in both languages', () => {
    for (const d of STATUS_DETAILS) {
      expect(BOUNCE_TEXTS_EN.details[d]).not.toBe('');
      expect(BOUNCE_TEXTS_ZH.details[d]).not.toBe('');
      expect(STATUS_DETAIL_INFO[d]).toBeDefined();
    }
  });

  it.each(GUIDE_SLUGS.map((s) => [s]))('guide page %s exists in Chinese and English', (slug) => {
    expect(existsSync(`${DOCS}${slug}.mdx`)).toBe(true);
    expect(existsSync(`${DOCS}en/${slug}.mdx`)).toBe(true);
  });

  it('links DMARC advice only to guide pages that exist', () => {
    for (const slug of Object.values(DMARC_ADVICE_GUIDE)) expect(GUIDE_SLUGS).toContain(slug);
  });
});
