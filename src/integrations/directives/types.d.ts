// `client:tool` in .astro files (see tool.ts).
declare module 'astro' {
  interface AstroClientDirectives {
    'client:tool'?: boolean;
  }
}
export {};
