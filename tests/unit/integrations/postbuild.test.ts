// The post-build pipeline (src/integrations/postbuild.mjs) on a small built site
// in a temporary directory: every page read once, the steps run in their written
// order (module preloads, then the Content-Security-Policy, which must see the
// final page), each page written once, other files left alone.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPolicy, connectScript } from '~/integrations/csp.mjs';
import { htmlFiles, runPipeline, STEPS, type Step } from '~/integrations/postbuild.mjs';
import { addModulePreloads } from '~/integrations/preload.mjs';

const early = await connectScript();
const page = (body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;

const site: Record<string, string> = {
  'index.html': page('<astro-island client="load" component-url="/_astro/island.js"></astro-island><script>inline()</script>'),
  'en/guide/index.html': page('<p>text only</p>'),
  '404.html': page('<script type="module" src="/_astro/page.js"></script>'),
  '_astro/island.js': 'import"./shared.js";',
  '_astro/page.js': 'import"./shared.js";',
  '_astro/shared.js': 'export const x=1;',
  'robots.txt': 'User-agent: *\n',
};

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mg-postbuild-'));
  for (const [path, text] of Object.entries(site)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const read = (path: string) => readFile(join(root, path), 'utf8');
const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

/** A step that records what it saw and changes nothing, or appends to <body>. */
function probe(name: string, seen: string[], append = '') {
  return {
    name,
    start: () =>
      Promise.resolve({
        page: (html: string) => {
          seen.push(`${name}:${html.length}`);
          return append ? html.replace('</body>', `${append}</body>`) : html;
        },
        summary: () => `${name} done`,
      }),
  } satisfies Step;
}

describe('the steps', () => {
  it('are the module preloads, then the Content-Security-Policy last', () => {
    expect(STEPS.map((s) => s.name)).toEqual(['module-preload', 'content-security-policy']);
  });
});

describe('htmlFiles', () => {
  it('lists every .html file under the site, nested ones included, in a stable order', async () => {
    expect((await htmlFiles(root)).map((f) => f.slice(root.length + 1))).toEqual(['404.html', 'en/guide/index.html', 'index.html']);
  });
});

describe('runPipeline', () => {
  it('gives each page the preloads, then both policies, as the two steps in that order would', async () => {
    const load = async (url: string) => site[url.slice(1)];
    const result = await runPipeline({ root, base: '/' });
    for (const path of ['index.html', 'en/guide/index.html', '404.html']) {
      const preloaded = (await addModulePreloads(site[path]!, load)).html;
      expect(await read(path)).toBe(addPolicy(preloaded, early));
    }
    expect(await read('index.html')).toContain('<link rel="modulepreload" fetchpriority="low" href="/_astro/island.js"><link rel="modulepreload" fetchpriority="low" href="/_astro/shared.js"></head>');
    expect(result).toEqual({
      pages: 3,
      written: 3,
      summaries: ['module-preload: 4 links on 3 pages', 'content-security-policy: policies added to 3 pages'],
    });
  });

  it('leaves files other than pages untouched', async () => {
    await runPipeline({ root, base: '/' });
    for (const path of ['_astro/island.js', '_astro/shared.js', 'robots.txt']) expect(await read(path)).toBe(site[path]);
  });

  it('hashes an inline script that an earlier step added, so the policy allows it', async () => {
    const seen: string[] = [];
    const [, csp] = STEPS;
    await runPipeline({ root, base: '/' }, [probe('adds-script', seen, '<script>late()</script>'), csp]);
    const html = await read('en/guide/index.html');
    expect(html).toContain('<script>late()</script></body>');
    expect(html).toContain(sha('late()'));
  });

  it('hands each step the page as the previous step left it, each page once', async () => {
    const seen: string[] = [];
    await runPipeline({ root, base: '/' }, [probe('a', seen, '<i></i>'), probe('b', seen)]);
    const lengths = Object.fromEntries(['index.html', 'en/guide/index.html', '404.html'].map((p) => [p, site[p]!.length]));
    expect(seen).toEqual([
      `a:${lengths['404.html']}`,
      `b:${lengths['404.html']! + 7}`,
      `a:${lengths['en/guide/index.html']}`,
      `b:${lengths['en/guide/index.html']! + 7}`,
      `a:${lengths['index.html']}`,
      `b:${lengths['index.html']! + 7}`,
    ]);
  });

  it('writes no page that no step changed', async () => {
    const seen: string[] = [];
    const result = await runPipeline({ root, base: '/' }, [probe('noop', seen)]);
    expect(result).toEqual({ pages: 3, written: 0, summaries: ['noop: noop done'] });
  });

  it('adds a second policy to no page when run twice', async () => {
    await runPipeline({ root, base: '/' });
    const once = await read('index.html');
    const again = await runPipeline({ root, base: '/' }, [STEPS[1]]);
    expect(again.written).toBe(0);
    expect(await read('index.html')).toBe(once);
  });

  it('reads chunks under the base path the site is served from', async () => {
    await writeFile(join(root, 'index.html'), page('<astro-island client="load" component-url="/guide/_astro/island.js"></astro-island>'));
    await runPipeline({ root, base: '/guide/' });
    expect(await read('index.html')).toContain('<link rel="modulepreload" fetchpriority="low" href="/guide/_astro/island.js"><link rel="modulepreload" fetchpriority="low" href="/guide/_astro/shared.js"></head>');
  });
});
