// `import url from './x.ts?chunk'` (src/integrations/chunk-url.mjs): the module is bundled as a
// chunk of its own and only its URL is imported; during `astro dev` the URL is the file itself.
// The built result (the search UI loaded on demand) is checked end to end in weight.spec.ts.
import { describe, expect, it } from 'vitest';
import { chunkUrl } from '~/integrations/chunk-url.mjs';

type Hook = (...args: unknown[]) => unknown;

/** The plugin's hooks, called as Vite would, with a fake plugin context. */
function plugin(command: 'build' | 'serve') {
  const p = chunkUrl() as unknown as Record<string, Hook>;
  p['configResolved']?.({ command });
  const emitted: unknown[] = [];
  const context = {
    resolve: async (source: string) => (source === './missing.ts' ? null : { id: `/site/src/${source.slice(2)}` }),
    emitFile: (file: unknown) => (emitted.push(file), 'ref42'),
  };
  return {
    emitted,
    resolveId: (source: string) => p['resolveId']?.call(context, source, '/site/src/page.ts') as Promise<string | null>,
    load: (id: string) => p['load']?.call(context, id) as string | null,
  };
}

describe('chunkUrl', () => {
  it.each([
    // A module asked for with ?chunk becomes a virtual id that keeps the file and the suffix.
    { source: './ui.ts?chunk', id: '\0/site/src/ui.ts?chunk' },
    // Any other import is left to Vite.
    { source: './ui.ts', id: null },
    { source: './ui.ts?url', id: null },
    // A file that does not exist is left to Vite, which reports it.
    { source: './missing.ts?chunk', id: null },
  ])('resolves $source to $id', async ({ source, id }) => {
    expect(await plugin('build').resolveId(source)).toBe(id);
  });

  it('emits the module as a chunk in a build and exports its final URL', () => {
    const p = plugin('build');
    expect(p.load('\0/site/src/ui.ts?chunk')).toBe('export default import.meta.ROLLUP_FILE_URL_ref42;');
    expect(p.emitted).toEqual([{ type: 'chunk', id: '/site/src/ui.ts' }]);
  });

  it('exports the file served by the dev server during astro dev, emitting nothing', () => {
    const p = plugin('serve');
    expect(p.load('\0/site/src/ui.ts?chunk')).toBe('export default "/@fs/site/src/ui.ts";');
    expect(p.emitted).toEqual([]);
  });

  it('loads nothing else', () => {
    const p = plugin('build');
    expect(p.load('/site/src/ui.ts')).toBeNull();
    expect(p.load('\0virtual:other')).toBeNull();
  });
});
