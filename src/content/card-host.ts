// The one element Backstory adds to a page: the host of the card's closed shadow root. The
// card itself (Preact, Floating UI, its styles) is a separate module, loaded the first time a
// card is wanted (card-loader.ts): most pages are read without opening one.
import { sendToBackground } from '../platform/messages.js';
import type { CardState } from '../ui/card.js';
import { loadCardUi } from './card-loader.js';
import type * as CardUi from './card-ui.js';

const HOST_TAG = 'backstory-card';

/** An unknown name's card offers to add it to a personal pack: the options page opens for it. */
function addToPack(name: string): void {
  void sendToBackground<'cs-bg:add-to-pack'>({ type: 'cs-bg:add-to-pack', name });
}

export class CardHost {
  private host: HTMLElement | undefined;
  private container: HTMLDivElement | undefined;
  private reference: Range | undefined;
  private view: CardState | undefined;
  private ui: typeof CardUi | undefined;
  private loading: Promise<typeof CardUi | undefined> | undefined;
  private wantsFocus = false;
  private idCounter = 0;
  private shownReference: Range | undefined;
  private content = { map: true, facts: true };

  constructor(
    private readonly doc: Document,
    private readonly signal: AbortSignal,
  ) {
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

  /** What cards show besides name and description; applies from the next card. */
  setContent(content: { map: boolean; facts: boolean }): void {
    this.content = content;
  }

  private load(): Promise<typeof CardUi | undefined> {
    this.loading ??= loadCardUi().then(
      (module) => {
        this.ui = module;
        return module;
      },
      (error: unknown) => {
        this.loading = undefined;
        console.warn('Backstory: the card could not be loaded:', error);
        return undefined;
      },
    );
    return this.loading;
  }

  private ensureHost(ui: typeof CardUi): HTMLDivElement {
    if (this.host && this.container && this.host.isConnected) return this.container;
    const host = this.doc.createElement(HOST_TAG);
    const shadow = host.attachShadow({ mode: 'closed' });
    shadow.adoptedStyleSheets = [ui.cardStyleSheet()];
    const container = this.doc.createElement('div');
    shadow.append(container);
    this.doc.documentElement.append(host);
    this.host = host;
    this.container = container;
    return container;
  }

  /** Shows a card beside `reference`; the latest call wins while the card module loads. */
  show(reference: Range, view: CardState): void {
    this.reference = reference;
    this.view = view;
    if (this.ui) this.render(this.ui);
    else
      void this.load().then((ui) => {
        if (ui && this.reference && !this.signal.aborted) this.render(ui);
      });
  }

  private render(ui: typeof CardUi): void {
    const { reference, view } = this;
    if (!reference || !view) return;
    const container = this.ensureHost(ui);
    const isNew = this.shownReference !== reference;
    if (isNew) this.idCounter++;
    this.shownReference = reference;
    ui.showCard(container, reference, view, { content: this.content, idPrefix: `backstory-${this.idCounter}`, animate: isNew, onAddToPack: addToPack });
    if (this.wantsFocus) this.focus();
  }

  /** Moves keyboard focus into the card, so that a screen reader reads it (once it is there). */
  focus(): void {
    const card = this.container?.firstElementChild;
    this.wantsFocus = !(card instanceof HTMLElement);
    if (card instanceof HTMLElement) card.focus({ preventScroll: true });
  }

  hide(): void {
    this.reference = undefined;
    this.view = undefined;
    this.shownReference = undefined;
    this.wantsFocus = false;
    if (this.container) this.ui?.hideCard(this.container);
  }

  private destroy(): void {
    this.hide();
    this.host?.remove();
    this.host = undefined;
    this.container = undefined;
  }
}
