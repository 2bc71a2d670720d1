// Module preloads added to built pages (src/integrations/preload.mjs): the
// chunks a page's scripts and islands import, found from the chunks' leading
// import statements only, each listed once, under any base path.
import { describe, expect, it } from 'vitest';
import { addModulePreloads, staticImports } from '~/integrations/preload.mjs';

describe('staticImports', () => {
  it('reads the leading imports of a bundled chunk', () => {
    const code =
      'import{a as e,b as t}from"./core.X1.js";import"./side.Y2.js";export{c}from"../up.Z3.js";import*as n from"./ns.js";var x=1;';
    expect(staticImports(code)).toEqual(['./core.X1.js', './side.Y2.js', '../up.Z3.js', './ns.js']);
  });

  it('ignores dynamic imports and import-like text after the first statement', () => {
    const code = 'var a=`import"./not.js"`;import("./lazy.js");import"./late.js";';
    expect(staticImports(code)).toEqual([]);
  });

  it('reads the imports after the dependency table Vite puts first in a chunk with a dynamic import', () => {
    const code =
      'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/lazy.js","_astro/x.js"])))=>i.map(i=>d[i]);\nimport{t as e}from"./preload-helper.js";import"./core.js";const l=()=>e(()=>import("./lazy.js"),__vite__mapDeps([0,1]));';
    expect(staticImports(code)).toEqual(['./preload-helper.js', './core.js']);
  });

  it('skips a leading comment and bare specifiers', () => {
    expect(staticImports('/* banner */\n// more\nimport"./a.js";import"react";import"./b.js";')).toEqual(['./a.js']);
  });
});

describe('addModulePreloads', () => {
  const files: Record<string, string> = {
    '/_astro/page.js': 'import"./shared.js";',
    '/_astro/island.js': 'import{x}from"./shared.js";import{y}from"./deep/core.js";const l=()=>import("./lazy.js");',
    '/_astro/client.js': 'var react=1;',
    '/_astro/shared.js': 'export const x=1;',
    '/_astro/deep/core.js': 'import"../shared.js";import"./leaf.js";',
    '/_astro/deep/leaf.js': '',
    '/_astro/lazy.js': 'import"./never.js";',
  };
  const load = (url: string) => Promise.resolve(files[url]);
  const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

  it('preloads body scripts, islands and everything they import statically, once each', async () => {
    const html = page(
      '<meta charset="utf-8"><script type="module" src="/_astro/page.js"></script>',
      '<astro-island client="load" component-url="/_astro/island.js" renderer-url="/_astro/client.js"></astro-island>',
    );
    const { html: out, preloads } = await addModulePreloads(html, load);
    expect(preloads).toEqual(['/_astro/island.js', '/_astro/client.js', '/_astro/shared.js', '/_astro/deep/core.js', '/_astro/deep/leaf.js']);
    // The head script is already requested from <head>; dynamic imports are not preloaded.
    expect(out).not.toContain('href="/_astro/page.js"');
    expect(out).not.toContain('lazy.js"');
    expect(out).toContain('<link rel="modulepreload" fetchpriority="low" href="/_astro/deep/leaf.js"></head>');
  });

  it("fetches what the page's own scripts import at the usual priority, the islands' code at low priority", async () => {
    const html = page(
      '<meta charset="utf-8">',
      '<astro-island client="load" component-url="/_astro/island.js" renderer-url="/_astro/client.js"></astro-island><script type="module" src="/_astro/page.js"></script>',
    );
    const { html: out } = await addModulePreloads(html, load);
    const links = [...out.matchAll(/<link rel="modulepreload"([^>]*?) href="([^"]+)">/g)].map((m) => [m[2], m[1] === ' fetchpriority="low"' ? 'low' : 'usual']);
    expect(links).toEqual([
      // The page script and the chunk it imports (the island imports it too).
      ['/_astro/page.js', 'usual'],
      ['/_astro/island.js', 'low'],
      ['/_astro/client.js', 'low'],
      ['/_astro/shared.js', 'usual'],
      ['/_astro/deep/core.js', 'low'],
      ['/_astro/deep/leaf.js', 'low'],
    ]);
  });

  it('leaves a page without module scripts unchanged', async () => {
    const html = page('<meta charset="utf-8">', '<p>text</p><script>inline()</script>');
    expect((await addModulePreloads(html, load)).html).toBe(html);
  });

  it('does not repeat a preload the page already has, and follows it', async () => {
    const html = page('<link rel="modulepreload" href="/_astro/shared.js">', '<script type="module" src="/_astro/page.js"></script>');
    const { preloads } = await addModulePreloads(html, load);
    expect(preloads).toEqual(['/_astro/page.js']);
  });

  it('preloads nothing for a tool island but lists its chunks on it, leaving out what the page preloads anyway', async () => {
    const html = page(
      '<meta charset="utf-8">',
      '<astro-island uid="1" component-url="/_astro/island.js" renderer-url="/_astro/client.js" client="tool" ssr=""><p>form</p></astro-island><script type="module" src="/_astro/page.js"></script>',
    );
    const { html: out, preloads } = await addModulePreloads(html, load);
    expect(preloads).toEqual(['/_astro/page.js', '/_astro/shared.js']);
    expect(out).toContain(
      '<astro-island uid="1" component-url="/_astro/island.js" renderer-url="/_astro/client.js" client="tool" ssr="" data-preload="/_astro/island.js /_astro/client.js /_astro/deep/core.js /_astro/deep/leaf.js"><p>form</p>',
    );
  });

  it('neither preloads nor lists the code of an island that hydrates when visible', async () => {
    const html = page('', '<astro-island component-url="/_astro/island.js" renderer-url="/_astro/client.js" client="visible"></astro-island>');
    const { html: out, preloads } = await addModulePreloads(html, load);
    expect(preloads).toEqual([]);
    expect(out).toBe(html);
  });

  it('works under a base path', async () => {
    const based = (url: string) => Promise.resolve(url.startsWith('/guide/') ? files[url.slice('/guide'.length)] : undefined);
    const html = page('', '<astro-island client="load" component-url="/guide/_astro/island.js"></astro-island>');
    const { preloads } = await addModulePreloads(html, based);
    expect(preloads).toContain('/guide/_astro/deep/leaf.js');
  });
});
