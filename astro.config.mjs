// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import react from '@astrojs/react';
import starlightLinksValidator from 'starlight-links-validator';
import { postBuild } from './src/integrations/postbuild.mjs';
import { chunkUrl } from './src/integrations/chunk-url.mjs';
import { widgetImports } from './src/integrations/widget-imports.mjs';

/**
 * The widgets' shared code in a few chunks instead of a dozen small ones: small
 * chunks compress badly (gzip starts afresh in each) and cost a request each.
 * `dns`: the core every tool runs (DNS names, domain input, the DoH client,
 * the loader of the messages and what describes a finding), and the names a
 * DMARC tree walk asks (the message analyser's page asks them ahead).
 * `records`: what the record checks add (parsers, the checks, findings,
 * provider and DNS-host data) — the checker, the SPF tool and the
 * troubleshooting pages load it, the lookup and propagation tools do not.
 * `check`: the checks themselves, which the checker loads when a check runs
 * (Checker/prefetch.ts), and the SPF tool with its page.
 * `ui`: the shared widget pieces. `zh`, `en`: the widgets' words in one
 * language, so a page loads its language in one chunk (preloaded on pages of
 * that language, src/integrations/preload.mjs) and never the other.
 * `messages-zh`, `messages-en`: the core's findings and other messages, loaded
 * when there is something to say (src/components/ui/messages.ts).
 * Everything else (one widget's own code) keeps its own chunk.
 *
 * Order is load-bearing: the tables are awaited at the top level of the
 * modules that load them (src/components/ui/i18n.ts), so a table's chunk must
 * not import a chunk that waits for it. The tables import only core modules
 * (`dns`, `records`), which never wait for anything; the `ui` pieces, which do,
 * are a group of their own, and the language groups come last so that what the
 * tables import is already placed in the groups above.
 */
const CHUNK_GROUPS = [
  // React itself, in a chunk that waits for nothing. Left to the bundler it landed in `ui`, whose
  // text tables are awaited at the top level: React DOM then waited for the page's words and was
  // evaluated with the widget's code in one long task (about 50 ms, 190 ms at 4× CPU throttling).
  { name: 'react', test: /[\\/]node_modules[\\/](?:react|react-dom|scheduler)[\\/]/ },
  {
    name: 'dns',
    test: /[\\/]src[\\/]core[\\/](?:(?:lang|names|types|domain|dmarc[\\/]names)\.ts|doh[\\/](?:client|codec|run|errors|ip|resolvers|types|index)\.ts|messages[\\/](?:index|format|types)\.ts|findings[\\/][\w-]+\.ts)$/,
  },
  {
    name: 'records',
    test: /[\\/]src[\\/]core[\\/](?:check[\\/](?:plan|questions|kind|watch)\.ts|records[\\/]|hosts[\\/]|providers[\\/]|spf[\\/]macro\.ts|expected\.ts|email\.ts)/,
  },
  {
    name: 'check',
    test: /[\\/]src[\\/]core[\\/](?:check[\\/]|dmarc[\\/]walk\.ts)/,
  },
  {
    name: 'ui',
    test: /[\\/]src[\\/]components[\\/]ui[\\/](?:useToolRun|useResolvers|resolverChoice|useUrlState|urlParams|i18n|strings|messages|links|clock|CopyButton|CopyReport|report|StatusBadge|ResolverPicker|TextField)\.tsx?$/,
  },
  ...['zh', 'en'].flatMap((lang) => [
    { name: lang, test: new RegExp(`[\\\\/]src[\\\\/]components[\\\\/][\\w-]+[\\\\/]strings[\\\\/]${lang}\\.ts$`) },
    { name: `messages-${lang}`, test: new RegExp(`[\\\\/]src[\\\\/]core[\\\\/]messages[\\\\/]${lang}\\.ts$`) },
  ]),
];

// SITE and BASE let the static build be deployed anywhere:
//   SITE=https://mail.example.org BASE=/guide npm run build
const site = process.env.SITE ?? 'https://mail-guide.example.com';
const base = process.env.BASE ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // No hover prefetching of other pages (Starlight turns it on): it is 1 KB of script on every page for
  // pages that load fast anyway, and the tool pages keep a byte budget (tests/e2e/weight.ts).
  prefetch: false,
  // `import url from './x.ts?chunk'`: code a page runs later (the search UI), with no loader in the page.
  vite: {
    plugins: [
      chunkUrl(),
      // A page gets the styles of the widgets it shows, not of every widget the barrel exports.
      widgetImports({ barrel: fileURLToPath(new URL('./src/components/index.ts', import.meta.url)) }),
      // The chunk groups are for the browser's code only (the server render keeps Astro's own chunking).
      {
        name: 'mg-client-chunks',
        configEnvironment: (name) =>
          name === 'client' ? { build: { rollupOptions: { output: { codeSplitting: { groups: CHUNK_GROUPS } } } } } : undefined,
      },
    ],
    // The post-build step adds <link rel="modulepreload"> for what each page needs (src/integrations/preload.mjs),
    // so Vite's own runtime preloading of dynamic imports would only add code to every island.
    build: {
      modulePreload: false,
      sourcemap: process.env.MG_SOURCEMAP === '1',
    },
  },
  integrations: [
    {
      // client:tool, the tool islands' directive: drawn page first, at once for a link that asks them to act.
      name: 'mg-client-directives',
      hooks: {
        'astro:config:setup': ({ addClientDirective }) =>
          addClientDirective({ name: 'tool', entrypoint: fileURLToPath(new URL('./src/integrations/directives/tool.ts', import.meta.url)) }),
      },
    },
    starlight({
      title: { 'zh-CN': '企业邮箱配置指南', en: 'Business Mail Setup Guide' },
      description: '为自己的域名配置企业邮箱：生成并在线检查 DNS 记录，设置邮件客户端，排查常见问题。',
      defaultLocale: 'root',
      locales: {
        root: { label: '简体中文', lang: 'zh-CN' },
        en: { label: 'English', lang: 'en' },
      },
      favicon: '/favicon.svg',
      // The first paint waits until the page title is parsed (Chromium), so the header and sidebar
      // are drawn whole: a paint of a half-parsed header (the theme picker without the language
      // picker beside it) moved the search box and pickers when the rest arrived (layout shift).
      head: [
        { tag: 'link', attrs: { rel: 'expect', href: '#_top', blocking: 'render' } },
        // A link naming a resolver (?resolver=): the tools show it in a notice whose room is kept
        // from the first paint (src/components/ui/widget.css), so its arrival moves nothing.
        {
          tag: 'script',
          content: "if (/[?&]resolver=[^&]/.test(location.search)) document.documentElement.dataset.mgResolverLink = '';",
        },
      ],
      lastUpdated: false,
      pagination: true,
      customCss: ['./src/styles/custom.css'],
      components: {
        // Search loads the Pagefind UI when first opened, not with every page.
        Search: './src/components/starlight/Search.astro',
      },
      plugins: [starlightLinksValidator({ errorOnFallbackPages: false, errorOnInconsistentLocale: true })],
      sidebar: [
        { label: '快速开始', translations: { en: 'Getting started' }, items: [{ autogenerate: { directory: 'start' } }] },
        {
          label: 'DNS 设置',
          translations: { en: 'DNS set-up' },
          items: [
            ...['setup', 'mx', 'spf', 'dkim', 'dmarc', 'receiver-rules', 'cname', 'secondary-domains'].map((p) => ({ slug: `dns/${p}` })),
            {
              label: '在 DNS 服务商添加',
              translations: { en: 'At your DNS host' },
              items: [{ autogenerate: { directory: 'dns/hosts' } }],
            },
          ],
        },
        { label: '邮件客户端', translations: { en: 'Mail clients' }, items: [{ autogenerate: { directory: 'clients' } }] },
        { label: '登录与安全', translations: { en: 'Sign-in & security' }, items: [{ autogenerate: { directory: 'signin' } }] },
        { label: '日常管理', translations: { en: 'Day-to-day management' }, items: [{ autogenerate: { directory: 'manage' } }] },
        { label: '故障排查', translations: { en: 'Troubleshooting' }, items: [{ autogenerate: { directory: 'troubleshooting' } }] },
        { label: '工具', translations: { en: 'Tools' }, items: [{ autogenerate: { directory: 'tools' } }] },
        { label: '参考', translations: { en: 'Reference' }, items: [{ autogenerate: { directory: 'reference' } }] },
      ],
    }),
    react(),
    // One pass over the built pages (src/integrations/postbuild.mjs, where the order of its
    // steps is explained): chunks a page's scripts and islands import are fetched at once, not
    // discovered one level at a time; scripts from the site only; DNS questions only to the
    // presets and the chosen resolver.
    postBuild(),
  ],
});
