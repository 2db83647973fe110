// card-ui.js: the card as a module the content script imports when a card is first wanted.
// Preact renders it into the host's closed shadow root; Floating UI places it beside its mark,
// flips it at the viewport's edges and keeps it there as the page scrolls.
import { autoUpdate, computePosition, flip, inline, offset, shift } from '@floating-ui/dom';
import { render } from 'preact';
import { CARD_CSS } from '../ui/card-styles.js';
import { CardView, type CardState } from '../ui/card.js';

const GAP_PX = 6;
const EDGE_PADDING_PX = 8;

function luminance(color: string): number | undefined {
  const match = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)/.exec(color);
  if (!match || (match[4] !== undefined && Number(match[4]) < 0.5)) return undefined;
  const [r, g, b] = [match[1], match[2], match[3]].map((channel) => Number(channel) / 255);
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** Whether the page is dark where the mark is: its real background, else the system's scheme. */
export function pageIsDark(from: Element | null): boolean {
  for (let element = from; element; element = element.parentElement) {
    const light = luminance(getComputedStyle(element).backgroundColor);
    if (light !== undefined) return light < 0.4;
  }
  return matchMedia('(prefers-color-scheme: dark)').matches;
}

let sheet: CSSStyleSheet | undefined;

/** The card's styles as a constructable stylesheet: a page's CSP cannot strip it, page CSS cannot reach in. */
export function cardStyleSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CARD_CSS);
  }
  return sheet;
}

export interface ShowOptions {
  content: { map: boolean; facts: boolean };
  idPrefix: string;
  /** A new card (not an update of the one shown) appears with a short animation. */
  animate: boolean;
  onAddToPack: (name: string) => void;
}

const following = new WeakMap<Element, () => void>();

export function showCard(container: HTMLElement, reference: Range, view: CardState, options: ShowOptions): void {
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  render(
    <CardView
      view={view}
      dark={pageIsDark(reference.startContainer.parentElement)}
      animate={options.animate && !reducedMotion}
      idPrefix={options.idPrefix}
      content={options.content}
      onAddToPack={options.onAddToPack}
    />,
    container,
  );
  const floating = container.firstElementChild;
  if (!(floating instanceof HTMLElement)) return;
  following.get(container)?.();
  const virtual = { getBoundingClientRect: () => reference.getBoundingClientRect(), getClientRects: () => reference.getClientRects() };
  const place = () => {
    void computePosition(virtual, floating, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [inline(), offset(GAP_PX), flip({ padding: EDGE_PADDING_PX }), shift({ padding: EDGE_PADDING_PX })],
    }).then(({ x, y }) => {
      floating.style.left = `${Math.round(x)}px`;
      floating.style.top = `${Math.round(y)}px`;
    });
  };
  following.set(container, autoUpdate(virtual, floating, place, { animationFrame: false }));
}

export function hideCard(container: HTMLElement): void {
  following.get(container)?.();
  following.delete(container);
  render(null, container);
}
