// Reads the guide's pages (src/content/docs) for the content tests: the
// frontmatter fields the tests need, the text, and the links each page makes.
// No YAML library: the few fields read here are single-line values.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const DOCS_ROOT = join(process.cwd(), 'src', 'content', 'docs');

export type PageLang = 'zh' | 'en';

export interface Page {
  /** Path under src/content/docs, with forward slashes, e.g. "en/dns/mx.mdx". */
  readonly file: string;
  readonly lang: PageLang;
  /** The page's URL path, e.g. "/en/dns/mx/" ("/" for the zh home page). */
  readonly url: string;
  /** The URL path without the language prefix, e.g. "/dns/mx/". */
  readonly key: string;
  readonly title: string;
  readonly sidebarLabel: string | undefined;
  /** The frontmatter `lastUpdated` value as written, if any. */
  readonly lastUpdated: string | undefined;
  readonly frontmatter: string;
  /** Everything after the frontmatter. */
  readonly body: string;
}

export interface Link {
  readonly text: string;
  /** The link target without its #fragment. */
  readonly href: string;
  readonly fragment: string | undefined;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? walk(p) : /\.mdx?$/.test(e.name) ? [p] : [];
  });
}

function field(frontmatter: string, name: string): string | undefined {
  const m = new RegExp(`^${name}:[ \\t]*(.+)$`, 'm').exec(frontmatter);
  return m?.[1]?.trim().replace(/^(['"])(.*)\1$/, '$2');
}

function sidebarLabel(frontmatter: string): string | undefined {
  const m = /^sidebar:\s*\n((?:[ \t]+.*\n?)*)/m.exec(frontmatter);
  const block = m?.[1];
  if (block === undefined) return undefined;
  const label = /^[ \t]+label:[ \t]*(.+)$/m.exec(block);
  return label?.[1]?.trim().replace(/^(['"])(.*)\1$/, '$2');
}

export function urlOf(file: string): string {
  const noExt = file.replace(/\.mdx?$/, '');
  const path = noExt === 'index' || noExt.endsWith('/index') ? noExt.replace(/\/?index$/, '') : noExt;
  return path === '' ? '/' : `/${path}/`;
}

function readPage(abs: string): Page {
  const file = relative(DOCS_ROOT, abs).split(sep).join('/');
  const text = readFileSync(abs, 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  const frontmatter = m?.[1] ?? '';
  const body = m ? text.slice(m[0].length) : text;
  const lang: PageLang = file.startsWith('en/') ? 'en' : 'zh';
  const url = urlOf(file);
  const key = lang === 'en' ? url.slice(3) || '/' : url;
  return {
    file,
    lang,
    url,
    key: key.startsWith('/') ? key : `/${key}`,
    title: field(frontmatter, 'title') ?? '',
    sidebarLabel: sidebarLabel(frontmatter),
    lastUpdated: field(frontmatter, 'lastUpdated'),
    frontmatter,
    body,
  };
}

export function readPages(): Page[] {
  return walk(DOCS_ROOT)
    .map(readPage)
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** The body without fenced code blocks (commands and zone files are not prose). */
export function prose(body: string): string {
  return body.replace(/^```[\s\S]*?^```/gm, '');
}

/** Markdown links and href="…" attributes that point into the site. */
export function internalLinks(body: string): Link[] {
  const links: Link[] = [];
  const split = (target: string): { href: string; fragment: string | undefined } => {
    const i = target.indexOf('#');
    return i < 0 ? { href: target, fragment: undefined } : { href: target.slice(0, i), fragment: target.slice(i + 1) };
  };
  for (const m of prose(body).matchAll(/\[([^\]]+)\]\((\/[^)\s]*)\)/g)) {
    links.push({ text: m[1] ?? '', ...split(m[2] ?? '') });
  }
  for (const m of body.matchAll(/\bhref="(\/[^"]*)"/g)) links.push({ text: '', ...split(m[1] ?? '') });
  for (const m of body.matchAll(/^\s*link:\s*(\/\S*)\s*$/gm)) links.push({ text: '', ...split(m[1] ?? '') });
  return links;
}

/** Markdown links and href="…" attributes that leave the site (http or https). */
export function externalLinks(body: string): Link[] {
  const links: Link[] = [];
  const split = (target: string): { href: string; fragment: string | undefined } => {
    const i = target.indexOf('#');
    return i < 0 ? { href: target, fragment: undefined } : { href: target.slice(0, i), fragment: target.slice(i + 1) };
  };
  for (const m of prose(body).matchAll(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g)) {
    links.push({ text: m[1] ?? '', ...split(m[2] ?? '') });
  }
  for (const m of body.matchAll(/\bhref="(https?:\/\/[^"]+)"/g)) links.push({ text: '', ...split(m[1] ?? '') });
  return links;
}
