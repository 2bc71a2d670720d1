// Types for modules the search (Search.astro, pagefindUi.ts) imports that have none.

/** The URL of a module bundled as a chunk of its own (src/integrations/chunk-url.mjs). */
declare module '*?chunk' {
  const url: string;
  export default url;
}

/** Starlight's `pagefind` option, as the Pagefind UI takes it (Starlight ≥ 0.42). */
declare module 'virtual:starlight/pagefind-config' {
  export const pagefindUserConfig: Record<string, unknown>;
}

/** @pagefind/default-ui ships no types; only what pagefindUi.ts uses. */
declare module '@pagefind/default-ui' {
  export class PagefindUI {
    constructor(options: Record<string, unknown> & { element: HTMLElement | string });
    /** Puts `term` in the search box and searches for it. */
    triggerSearch(term: string): void;
    destroy(): void;
  }
}

/** Starlight's view of the Astro project (Search.astro reads trailingSlash). */
declare module 'virtual:starlight/project-context' {
  const project: { trailingSlash: 'always' | 'never' | 'ignore' };
  export default project;
}
