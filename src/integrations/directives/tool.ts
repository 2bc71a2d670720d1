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
 * - Touching the tool before that (focus, pointer, a dragged file, an edit)
 *   hydrates it at once.
 * - Nothing the visitor does before the code has taken over is lost. React
 *   keeps what was typed into a field before hydration on screen but not in
 *   its state, so the next render would wipe it (react/react#12955; the fix,
 *   react/react#33129, is behind a flag that is off in React 19). Fields
 *   changed before the code arrived, and the first text change React may not
 *   have seen while hydrating, are handed to the component as change events
 *   once it has hydrated. A file dropped before then is kept and dropped
 *   again, and a form sent or a button pressed before then is sent or
 *   pressed again.
 *
 * This runs inline in the page, before any module: it must stay small and
 * must not import anything.
 */
import type { ClientDirective } from 'astro';

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const isField = (t: EventTarget | null): t is Field =>
  t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement;
const checkable = (f: Field): f is HTMLInputElement =>
  f instanceof HTMLInputElement && (f.type === 'checkbox' || f.type === 'radio');
const typedText = (f: Field): f is HTMLInputElement | HTMLTextAreaElement =>
  !(f instanceof HTMLSelectElement) && !checkable(f) && f.type !== 'file';

/**
 * Sets a text field's value with the element's own setter, past the `value`
 * property React installs on the fields it controls: React does not see it.
 */
const setUnseen = (f: HTMLInputElement | HTMLTextAreaElement, value: string): void => {
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(f) as object, 'value')?.set?.call(f, value);
};

const toolDirective: ClientDirective = (load, _options, el) => {
  let started = false;
  let hydrated = false;
  /** Set while this directive dispatches events of its own. */
  let replaying = false;
  /** Fields changed before the code arrived, with what the visitor left in them. */
  const early = new Map<Field, string | boolean>();
  /** Files dropped before the code arrived, and where. */
  const drops: [EventTarget, DataTransfer][] = [];

  const fire = (f: Element, type: string): void => {
    f.dispatchEvent(new Event(type, { bubbles: true }));
  };
  /** Where the caret or selection is in a text field, to put it back after its value is set. */
  type Caret = [number, number, 'forward' | 'backward' | 'none' | undefined] | undefined;
  const caretOf = (f: HTMLInputElement | HTMLTextAreaElement): Caret =>
    f.selectionStart === null || f.selectionEnd === null
      ? undefined
      : [f.selectionStart, f.selectionEnd, f.selectionDirection ?? undefined];
  const carets = new Map<Field, Caret>();

  /** Gives React a change it has not seen, as if the visitor had just made it. */
  const hand = (f: Field, value: string | boolean, caret?: Caret): void => {
    replaying = true;
    try {
      if (typeof value === 'boolean' && checkable(f)) {
        // The first event hydrates the island while the box still shows its
        // server state; the click then makes the change React reports.
        fire(f, 'input');
        if (f.checked !== value) f.click();
      } else if (typedText(f)) {
        const at = caret ?? caretOf(f);
        // The property React watches, then the element's own setter: React
        // sees the value it knows, then a change to what was typed.
        f.value = f.defaultValue;
        fire(f, 'input');
        setUnseen(f, String(value));
        fire(f, 'input');
        if (at && document.activeElement === f) f.setSelectionRange(...at);
      } else {
        // A select or a file input, which React reads on `change`. The first
        // event hydrates the island, whose first renders may set the select
        // back to what React holds; it then gets the visitor's choice again.
        fire(f, 'change');
        if (f instanceof HTMLSelectElement && typeof value === 'string' && f.value !== value) {
          f.value = value;
          fire(f, 'change');
        }
      }
    } finally {
      replaying = false;
    }
  };

  let watchFirstText = true;
  const onEdit = (e: Event): void => {
    const f = e.target;
    if (replaying || !isField(f)) return;
    if (!hydrated) {
      early.set(f, checkable(f) ? f.checked : f.value);
      hydrate();
      return;
    }
    // Just after hydration starts, a value set without a key press first (a
    // browser's autofill) can reach React while it hydrates: React then
    // keeps it on screen but misses the change. A field React controls has
    // its default value kept equal to its state, so a difference after the
    // event means React has not taken it.
    if (!watchFirstText || !typedText(f)) return;
    watchFirstText = false;
    setTimeout(() => {
      if (f.value !== f.defaultValue) hand(f, f.value);
    }, 0);
  };
  el.addEventListener('input', onEdit, true);
  el.addEventListener('change', onEdit, true);
  // A word in progress in an input method is not touched until it is done.
  let composing = false;
  el.addEventListener('compositionstart', () => (composing = true), true);
  el.addEventListener('compositionend', () => (composing = false), true);

  // A form sent before the code arrived (Enter in a field, or its button) is
  // sent again once the tool has taken the visitor's values, instead of the
  // browser loading the page again with the form in its address. Enter over
  // a button the server drew disabled (nothing valid typed yet) sends nothing
  // in the browser; it is kept too.
  let sent: { form: HTMLFormElement; by: HTMLElement | null } | undefined;
  el.addEventListener(
    'submit',
    (e) => {
      if (hydrated || !(e.target instanceof HTMLFormElement)) return;
      e.preventDefault();
      sent = { form: e.target, by: e.submitter };
      hydrate();
    },
    true,
  );
  el.addEventListener(
    'keydown',
    (e) => {
      const f = e.target;
      if (hydrated || e.key !== 'Enter' || !(f instanceof HTMLInputElement) || !f.form || e.isComposing) return;
      sent = { form: f.form, by: null };
    },
    true,
  );

  // A button of the tool's own (not one that sends the form: "Copy link")
  // pressed before the code arrived does nothing in the browser; it is
  // pressed again once the tool has the visitor's values.
  let pressed: HTMLButtonElement | undefined;
  el.addEventListener(
    'click',
    (e) => {
      const b = e.target instanceof Element ? e.target.closest('button') : null;
      if (hydrated || !b || !el.contains(b) || b.type !== 'button' || b.disabled) return;
      pressed = b;
      hydrate();
    },
    true,
  );

  const onDrag = (e: DragEvent): void => {
    if (hydrated || !e.dataTransfer?.types.includes('Files')) return;
    // Keep the browser from opening the file in place of the page.
    e.preventDefault();
    hydrate();
    if (e.type !== 'drop' || !e.target) return;
    const kept = new DataTransfer();
    for (const file of e.dataTransfer.files) kept.items.add(file);
    drops.push([e.target, kept]);
  };
  for (const type of ['dragenter', 'dragover', 'drop'] as const) el.addEventListener(type, onDrag);

  const hydrate = (): void => {
    if (started) return;
    started = true;
    void load().then(async (run) => {
      while (composing && early.size)
        await new Promise((done) => el.addEventListener('compositionend', done, { once: true }));
      // What the server drew goes back in place for hydration to match; the
      // visitor's values are handed over right after.
      for (const f of early.keys()) {
        if (checkable(f)) {
          const group =
            f.type === 'radio' && f.name
              ? (f.form ?? el).querySelectorAll<HTMLInputElement>(`input[type=radio][name="${CSS.escape(f.name)}"]`)
              : [f];
          for (const box of group) box.checked = box.defaultChecked;
        } else if (typedText(f)) {
          carets.set(f, caretOf(f));
          setUnseen(f, f.defaultValue);
        }
      }
      await run();
      hydrated = true;
      for (const [f, value] of early) if (f.isConnected) hand(f, value, carets.get(f));
      early.clear();
      carets.clear();
      for (const [target, data] of drops) {
        if ((target as Node).isConnected)
          target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
      }
      drops.length = 0;
      if (!pressed && !sent) return;
      // A pressed button or a sent form acts after the renders the handed
      // values cause (a button enabled by a valid value).
      await new Promise((done) => setTimeout(done, 0));
      if (pressed) {
        const button = pressed;
        pressed = undefined;
        if (button.isConnected && !button.disabled) button.click();
      }
      if (sent) {
        const { form, by } = sent;
        sent = undefined;
        const button = by ?? form.querySelector<HTMLButtonElement>('button[type=submit], button:not([type])');
        if (form.isConnected && button instanceof HTMLButtonElement && !button.disabled) form.requestSubmit(button);
      }
    });
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
