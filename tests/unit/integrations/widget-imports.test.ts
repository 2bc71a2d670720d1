// Pages import widgets from the barrel `~/components`; the build rewrites that import into
// imports of the widgets named, so a page gets only their styles (src/integrations/widget-imports.mjs).
// The built result (each page's CSS) is checked in tests/e2e/weight.spec.ts.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBarrel, rewriteWidgetImports, widgetImports } from '~/integrations/widget-imports.mjs';

const barrel = fileURLToPath(new URL('../../../src/components/index.ts', import.meta.url));
const dir = join(barrel, '..');
const widgets = readBarrel(barrel);

describe('readBarrel', () => {
  it('maps every default export of the barrel to its file', () => {
    expect(widgets.get('Checker')).toBe(join(dir, 'Checker', 'Checker.astro'));
    expect(widgets.get('DmarcReports')).toBe(join(dir, 'DmarcReports', 'DmarcReports.astro'));
    expect(widgets.size).toBe(8);
  });
});

describe('rewriteWidgetImports', () => {
  it('imports each named widget from its own file, on the same line', () => {
    const code = `import {Checker, SharePageLink} from '~/components';\nexport default 1;`;
    const out = rewriteWidgetImports(code, widgets) ?? '';
    expect(out).toBe(
      `import Checker from ${JSON.stringify(join(dir, 'Checker', 'Checker.astro'))}; ` +
        `import SharePageLink from ${JSON.stringify(join(dir, 'SharePageLink', 'SharePageLink.astro'))};\nexport default 1;`,
    );
    expect(out).not.toContain('~/components');
  });

  it('keeps a local name given with `as`, and double quotes', () => {
    const out = rewriteWidgetImports(`import { Propagation as P } from "~/components"`, widgets);
    expect(out).toBe(`import P from ${JSON.stringify(join(dir, 'Propagation', 'Propagation.astro'))};`);
  });

  it('leaves a name the barrel does not export as a default on the barrel, where a mistake fails', () => {
    const out = rewriteWidgetImports(`import { Checker, Nope } from '~/components';`, widgets) ?? '';
    expect(out).toContain(`import Checker from ${JSON.stringify(join(dir, 'Checker', 'Checker.astro'))};`);
    expect(out).toContain(`import { Nope } from '~/components';`);
  });

  it('changes nothing without an import from the barrel', () => {
    expect(rewriteWidgetImports(`import { Nope } from '~/components';`, widgets)).toBeNull();
    expect(rewriteWidgetImports(`import { Checker } from '~/components/other';`, widgets)).toBeNull();
    expect(rewriteWidgetImports(`import x from 'y';`, widgets)).toBeNull();
  });
});

describe('the plugin', () => {
  const transform = (code: string, id: string) =>
    (
      widgetImports({ barrel }) as unknown as { transform: (c: string, i: string) => { code: string } | null }
    ).transform(code, id);
  it('rewrites pages (MDX, Astro) and not the widgets themselves or other modules', () => {
    const code = `import { Checker } from '~/components';`;
    expect(transform(code, '/site/src/content/docs/tools/checker.mdx')?.code).toContain('Checker.astro');
    expect(transform(code, '/site/src/pages/x.astro?astro&type=script')?.code).toContain('Checker.astro');
    expect(transform(code, join(dir, 'Other', 'Other.astro'))).toBeNull();
    expect(transform(code, '/site/src/lib/x.ts')).toBeNull();
  });
});
