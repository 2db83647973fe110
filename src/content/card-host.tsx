// The one element Backstory adds to a page: the host of the card's closed shadow root. Styles
// come from a constructable stylesheet (a page's CSP cannot strip them, page CSS cannot reach
// in); the card is placed beside its mark with Floating UI, flips at the viewport's edges and
// follows scrolling.
import { autoUpdate, computePosition, flip, inline, offset, shift } from '@floating-ui/dom';
import { render } from 'preact';
import { sendToBackground } from '../platform/messages.js';
import { CARD_CSS } from '../ui/card-styles.js';
import { CardView, type CardState } from '../ui/card.js';

const HOST_TAG = 'backstory-card';
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

/** An unknown name's card offers to add it to a personal pack: the options page opens for it. */
function addToPack(name: string): void {
  void sendToBackground<'cs-bg:add-to-pack'>({ type: 'cs-bg:add-to-pack', name });
}

export class CardHost {
  private host: HTMLElement | undefined;
  private container: HTMLDivElement | undefined;
  private stopFollowing: (() => void) | undefined;
  private reference: Range | undefined;
  private idCounter = 0;
  private content = { map: true, facts: true };

  constructor(private readonly doc: Document, signal: AbortSignal) {
    signal.addEventListener('abort', () => this.destroy(), { once: true });
  }

  get element(): HTMLElement | undefined {
    return this.host;
  }

  get isOpen(): boolean {
    return this.reference !== undefined;
  }

  /** Whether an event's target is the card (events from a closed shadow root point at the host). */
  contains(target: EventTarget | null): boolean {
    return target !== null && target === this.host;
  }

  private ensureHost(): HTMLDivElement {
    if (this.host && this.container && this.host.isConnected) return this.container;
    const host = this.doc.createElement(HOST_TAG);
    const shadow = host.attachShadow({ mode: 'closed' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CARD_CSS);
    shadow.adoptedStyleSheets = [sheet];
    const container = this.doc.createElement('div');
    shadow.append(container);
    this.doc.documentElement.append(host);
    this.host = host;
    this.container = container;
    return container;
  }

  /** What cards show besides name and description; applies from the next card. */
  setContent(content: { map: boolean; facts: boolean }): void {
    this.content = content;
  }

  show(reference: Range, view: CardState): void {
    const container = this.ensureHost();
    const isNew = this.reference !== reference;
    this.reference = reference;
    const anchor = reference.startContainer.parentElement;
    const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
    render(
      <CardView
        view={view} dark={pageIsDark(anchor)} animate={isNew && !reducedMotion} idPrefix={`backstory-${this.idCounter}`} content={this.content} onAddToPack={addToPack} />,
      container,
    );
    if (isNew) this.idCounter++;
    const floating = container.firstElementChild;
    if (!(floating instanceof HTMLElement)) return;
    this.stopFollowing?.();
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
    this.stopFollowing = autoUpdate(virtual, floating, place, { animationFrame: false });
  }

  /** Moves keyboard focus into the card, so that a screen reader reads it. */
  focus(): void {
    const card = this.container?.firstElementChild;
    if (card instanceof HTMLElement) card.focus({ preventScroll: true });
  }

  hide(): void {
    this.stopFollowing?.();
    this.stopFollowing = undefined;
    this.reference = undefined;
    if (this.container) render(null, this.container);
  }

  private destroy(): void {
    this.hide();
    this.host?.remove();
    this.host = undefined;
    this.container = undefined;
  }
}
