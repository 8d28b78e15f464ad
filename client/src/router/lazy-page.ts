import { lazy, type ComponentType } from 'react';

const RELOADED_KEY = 'quizbus:chunk-reload';

/**
 * A screen loaded on first use, so a phone downloads the join and play screens and not the
 * editor, reports or display (docs/phone-budget.md). `pick` names the module's export.
 *
 * After the server is updated, a page loaded before it asks for chunk files that no longer
 * exist; the page then reloads once to get the new ones instead of going blank.
 */
export function lazyPage<M, P extends object>(load: () => Promise<M>, pick: (module: M) => ComponentType<P>): ComponentType<P> {
  return lazy(async () => {
    try {
      const component = pick(await load());
      sessionStorage.removeItem(RELOADED_KEY);
      return { default: component };
    } catch (err) {
      if (sessionStorage.getItem(RELOADED_KEY) === null) {
        sessionStorage.setItem(RELOADED_KEY, '1');
        window.location.reload();
      }
      throw err;
    }
  });
}

/**
 * Wraps a screen's loader so that zod is set up (jitless, see zod-jitless.ts) before the
 * screen's modules build the shared schemas. Only the teacher's and display's screens parse
 * with zod; the phone's join and play screens do not load it at all.
 */
export function withZod<M>(load: () => Promise<M>): () => Promise<M> {
  return () => import('../zod-jitless.ts').then(load);
}
