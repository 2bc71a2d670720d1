// @ts-check
/**
 * `import url from './module.ts?chunk'`: the URL of `module.ts` bundled as a chunk of its own,
 * without loading it. The page can then run that code when it wants, by adding a
 * `<script type="module" src={url}>`.
 *
 * Why not `import('./module.ts')`: Vite wraps every dynamic import in its preload helper
 * (about 1.2 KB gzip, used to preload a chunk's dependencies), and that helper lands in the
 * importing script. For the search button's script, which every page loads, the helper
 * weighed more than the script itself. The chunk emitted here is an ordinary entry: it
 * imports what it needs, and its own dynamic imports keep their preloading.
 *
 * During `astro dev` the URL is the module's own path, which the dev server serves.
 * @returns {import('vite').Plugin}
 */
export function chunkUrl() {
  const SUFFIX = '?chunk';
  /** @type {import('vite').ResolvedConfig} */
  let config;
  return {
    name: 'mg-chunk-url',
    // Before Vite's resolver, which would resolve the file and keep the query.
    enforce: 'pre',
    configResolved(resolved) {
      config = resolved;
    },
    async resolveId(source, importer) {
      if (!source.endsWith(SUFFIX)) return null;
      const resolved = await this.resolve(source.slice(0, -SUFFIX.length), importer, { skipSelf: true });
      return resolved ? `\0${resolved.id}${SUFFIX}` : null;
    },
    load(id) {
      if (!id.startsWith('\0') || !id.endsWith(SUFFIX)) return null;
      const file = id.slice(1, -SUFFIX.length);
      if (config.command === 'serve') {
        return `export default ${JSON.stringify(`/@fs${file}`)};`;
      }
      const ref = this.emitFile({ type: 'chunk', id: file });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}
