/**
 * `client:tool`, how a tool's island hydrates (registered in astro.config.mjs).
 *
 * - A link that asks the tool to act (any query: ?domain=, ?name=, ?ip=,
 *   ?resolver= …) hydrates it at once, and the island's code is preloaded in
 *   parallel: the post-build step lists its chunks in `data-preload`
 *   (src/integrations/preload.mjs).
 * - Otherwise the page is drawn first: hydration waits for the load event and
 *   the next frame, and for the tool to come near the screen (a checker far
 *   down a guide page waits until the reader scrolls to it). On a slow line
 *   the island's ~100 KB of code then no longer competes with the page's
 *   stylesheets and text for the first paint.
 * - Touching the tool before that (focus, pointer) hydrates it at once.
 *
 * This runs inline in the page, before any module: it must stay small and
 * must not import anything.
 */
import type { ClientDirective } from 'astro';

const toolDirective: ClientDirective = (load, _options, el) => {
  let started = false;
  const hydrate = (): void => {
    if (started) return;
    started = true;
    void load().then((run) => run());
  };
  if (window.location.search.length > 1) {
    for (const href of (el.getAttribute('data-preload') ?? '').split(' ')) {
      if (!href) continue;
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = href;
      document.head.append(link);
    }
    hydrate();
    return;
  }
  for (const type of ['focusin', 'pointerdown']) el.addEventListener(type, hydrate, { once: true, capture: true });
  const whenNear = (): void => {
    if (!('IntersectionObserver' in window)) return hydrate();
    const seen = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        seen.disconnect();
        hydrate();
      },
      { rootMargin: '50%' },
    );
    // The island element itself has no box (display: contents); watch what it holds.
    for (const child of el.children) seen.observe(child);
    if (!el.children.length) hydrate();
  };
  // After the frame that follows the load event: the page is on screen by then.
  const afterPaint = (): void => {
    requestAnimationFrame(() => setTimeout(whenNear, 0));
  };
  if (document.readyState === 'complete') afterPaint();
  else window.addEventListener('load', afterPaint, { once: true });
};

export default toolDirective;
