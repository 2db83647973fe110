// Marks are painted with the CSS Custom Highlight API: ranges are registered under a name and
// styled with ::highlight(name), so the page's DOM is never touched.
// https://drafts.csswg.org/css-highlight-api-1/
import { ENTITY_KINDS, type EntityKind } from '../knowledge/kinds.js';

export const HIGHLIGHT_NAME_PREFIX = 'backstory-';

export type KindHighlights = Record<EntityKind, Highlight>;

/** Registers one highlight per kind; they are unregistered when `signal` aborts. */
export function registerHighlights(signal: AbortSignal): KindHighlights {
  const highlights: KindHighlights = {
    person: new Highlight(),
    place: new Highlight(),
    organization: new Highlight(),
    event: new Highlight(),
    other: new Highlight(),
  };
  for (const kind of ENTITY_KINDS) CSS.highlights.set(HIGHLIGHT_NAME_PREFIX + kind, highlights[kind]);
  signal.addEventListener(
    'abort',
    () => {
      for (const kind of ENTITY_KINDS) {
        // Only remove our own registration: a newer content script may have replaced it.
        if (CSS.highlights.get(HIGHLIGHT_NAME_PREFIX + kind) === highlights[kind]) {
          CSS.highlights.delete(HIGHLIGHT_NAME_PREFIX + kind);
        }
      }
    },
    { once: true },
  );
  return highlights;
}
