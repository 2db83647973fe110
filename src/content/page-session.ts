// Backstory in one page: reads the article, has the background analyze it, paints the marks,
// opens cards on hover, tap and keyboard, and keeps up with pages that change. Everything
// hangs on one AbortSignal.
import type { EntityKind } from '../knowledge/kinds.js';
import { sendToBackground, type FoundEntitySummary } from '../platform/messages.js';
import { watchPackChanges } from '../platform/pack-changes.js';
import { DEFAULT_SETTINGS, hostIsIn, loadSettings, siteOf, watchSettings, type Settings } from '../platform/settings.js';
import { describeArticle, type ArticleInfo } from './article-finder.js';
import { CardHost } from './card-host.js';
import { HighlightPainter, liveRange, type Mark } from './highlight-painter.js';
import { trackHover } from './hover.js';
import { readText, rangeFor, SLICE_MS, type TextMap, yieldToPage } from './text-map.js';

/** Changes to the article are gathered this long before it is read again. */
const REANALYZE_AFTER_MS = 400;
/** However often a page changes (a live blog, a ticker, a hostile script), at most one analysis this often. */
const MIN_REANALYZE_INTERVAL_MS = 2_000;
/** Alt+Shift+B walks the marks; the commands API binds the same keys browser-wide. */
const NEXT_MARK_KEY = { code: 'KeyB', altKey: true, shiftKey: true };
/** A command from the background right after the page's own key press is the same press. */
const SAME_PRESS_MS = 300;

export class PageSession {
  private readonly painter: HighlightPainter;
  private readonly card: CardHost;
  private article: ArticleInfo | undefined;
  private openMark: Mark | undefined;
  private cardRequest = 0;
  private keyboardIndex = -1;
  private lastKeyPress = 0;
  private focusBeforeCard: Element | null = null;
  private reanalyzeTimer: ReturnType<typeof setTimeout> | undefined;
  private analysis = 0;
  private lastAnalysisAt = 0;
  private url: string;
  private settings: Settings = DEFAULT_SETTINGS;
  private analysed: { map: TextMap; entities: readonly FoundEntitySummary[] } | undefined;

  constructor(
    private readonly doc: Document,
    private readonly signal: AbortSignal,
    private readonly onInteraction: () => void,
  ) {
    this.painter = new HighlightPainter(signal);
    this.card = new CardHost(doc, signal);
    this.url = doc.location.href;
    trackHover(
      doc,
      this.painter,
      this.card,
      { open: (mark) => this.openCard(mark, false), close: () => this.closeCard(), intentMs: () => this.settings.hoverDelayMs },
      signal,
    );
    doc.addEventListener('keydown', (event) => this.onKeydown(event), { capture: true, signal });
    // A long article's marks are painted around the viewport: move the window with scrolling.
    let scrollFrame = 0;
    doc.addEventListener(
      'scroll',
      () => {
        scrollFrame ||= requestAnimationFrame(() => {
          scrollFrame = 0;
          this.painter.paintWindow();
        });
      },
      { passive: true, capture: true, signal },
    );
    signal.addEventListener('abort', () => clearTimeout(this.reanalyzeTimer), { once: true });
  }

  get marks(): readonly Mark[] {
    return this.painter.marks;
  }

  /** Whether the article was longer than Backstory reads, so that only its start is marked. */
  get truncated(): boolean {
    return this.analysed?.map.truncated ?? false;
  }

  get articleInfo(): ArticleInfo | undefined {
    return this.article;
  }

  /** Whether the reader turned Backstory off, everywhere or for this site. */
  private blockedHere(): boolean {
    if (!this.settings.enabled) return true;
    if (this.settings.blockedSites.length === 0) return false;
    const site = siteOf(this.doc.location.href);
    return site !== undefined && hostIsIn(site, this.settings.blockedSites);
  }

  /** Finds the article and marks it; returns false when the page has none or the site is off. */
  async start(): Promise<boolean> {
    const loaded = await loadSettings();
    this.settings = loaded.settings;
    this.painter.setStyle(this.settings.markStyle);
    this.card.setContent(this.settings.card);
    if (loaded.notice) console.warn(`Backstory: ${loaded.notice}`);
    // A change in the options page or the popup applies at once to this tab.
    watchSettings(({ settings }) => {
      const wasBlocked = this.blockedHere();
      this.settings = settings;
      this.painter.setStyle(settings.markStyle);
      this.card.setContent(settings.card);
      if (this.blockedHere()) {
        this.closeCard();
        this.painter.paint([]);
      } else if (wasBlocked) void this.begin();
      else void this.repaint();
    }, this.signal);
    // New or changed knowledge packs: analyse again, so that their names are marked now.
    watchPackChanges(() => {
      if (!this.blockedHere() && this.article) void this.analyze();
    }, this.signal);
    if (this.blockedHere()) return false;
    return this.begin();
  }

  private async begin(): Promise<boolean> {
    if (!this.article) {
      this.article = describeArticle(this.doc) ?? undefined;
      if (!this.article) return false;
      this.observe();
    }
    await this.analyze();
    return true;
  }

  private async analyze(): Promise<void> {
    const article = this.article;
    if (!article || this.blockedHere()) return;
    const run = ++this.analysis;
    this.lastAnalysisAt = performance.now();
    const map = await readText(article.root, this.signal);
    if (run !== this.analysis || this.signal.aborted) return;
    const reply = await sendToBackground<'cs-bg:analyze'>({
      type: 'cs-bg:analyze',
      text: map.text,
      title: article.title,
      ...(article.date ? { date: article.date } : {}),
      ...(article.lang ? { lang: article.lang } : {}),
    });
    // A later analysis (the page changed meanwhile) supersedes this one.
    if (run !== this.analysis || this.signal.aborted) return;
    if (!reply.ok) {
      console.warn(`Backstory: the article could not be analysed (${reply.error}).`);
      return;
    }
    this.analysed = { map, entities: reply.value.entities };
    await this.repaint();
  }

  /** Paints the last analysis as the settings ask (every mention, or each name's first). */
  private async repaint(): Promise<void> {
    const analysed = this.analysed;
    if (!analysed) return;
    const run = this.analysis;
    const { kinds, mentions } = this.settings;
    const marks = await marksFrom(analysed.map, analysed.entities.filter((entity) => kinds[entity.kind]), mentions === 'first');
    if (run !== this.analysis || this.signal.aborted || analysed !== this.analysed) return;
    this.painter.paint(marks);
    this.keyboardIndex = -1;
  }

  private observe(): void {
    const observer = new MutationObserver((records) => {
      const root = this.article?.root;
      // Single-page sites change the address and swap the article without a page load.
      if (this.doc.location.href !== this.url || !root?.isConnected) {
        this.restart();
        return;
      }
      const ours = this.card.element;
      const inArticle = records.some((record) => root.contains(record.target) && !(ours !== undefined && ours.contains(record.target)));
      if (!inArticle || this.reanalyzeTimer !== undefined) return;
      // A quiet moment after the change, and never sooner than the interval since the last one:
      // a page that never stops changing is still analysed, and at a bounded rate.
      const sinceLast = performance.now() - this.lastAnalysisAt;
      this.reanalyzeTimer = setTimeout(() => {
        this.reanalyzeTimer = undefined;
        void this.analyze();
      }, Math.max(REANALYZE_AFTER_MS, MIN_REANALYZE_INTERVAL_MS - sinceLast));
    });
    observer.observe(this.doc.body ?? this.doc.documentElement, { childList: true, subtree: true, characterData: true });
    this.signal.addEventListener('abort', () => observer.disconnect(), { once: true });
    this.doc.defaultView?.addEventListener('popstate', () => this.restart(), { signal: this.signal });
  }

  /** A new page in a single-page site: forget the old article and read the new one. */
  private restart(): void {
    if (this.doc.location.href === this.url && this.article?.root.isConnected) return;
    const sameAddress = this.doc.location.href === this.url;
    this.url = this.doc.location.href;
    if (!sameAddress || this.article) {
      this.closeCard();
      this.painter.paint([]);
    }
    clearTimeout(this.reanalyzeTimer);
    this.reanalyzeTimer = setTimeout(() => {
      this.reanalyzeTimer = undefined;
      const next = describeArticle(this.doc);
      this.article = next ?? undefined;
      if (next) void this.analyze();
    }, REANALYZE_AFTER_MS);
  }

  async openCard(mark: Mark, byKeyboard: boolean): Promise<void> {
    this.onInteraction();
    if (this.signal.aborted) return;
    if (this.openMark === mark && this.card.isOpen) return;
    this.openMark = mark;
    this.painter.setCurrent(mark);
    const request = ++this.cardRequest;
    if (byKeyboard && !this.card.isOpen) this.focusBeforeCard = this.doc.activeElement;
    this.card.show(liveRange(mark), { state: 'loading', name: mark.name });
    if (byKeyboard) this.card.focus();
    const date = this.article?.date;
    const cardMessage = { type: 'cs-bg:card' as const, id: mark.entityId, ...(date ? { date } : {}) };
    let reply = await sendToBackground<'cs-bg:card'>(cardMessage, { timeoutMs: CARD_TIMEOUT_MS });
    // The background may have been stopped in the middle (a service worker is shut down when
    // idle, an event page suspended): sending again starts it, which can take a moment.
    for (const wait of CARD_RETRY_WAITS_MS) {
      if (reply.ok || request !== this.cardRequest || this.signal.aborted) break;
      await new Promise((resolve) => setTimeout(resolve, wait));
      reply = await sendToBackground<'cs-bg:card'>(cardMessage, { timeoutMs: CARD_TIMEOUT_MS });
    }
    // The reader has moved on: a late answer for a card no longer wanted is dropped.
    if (request !== this.cardRequest || this.openMark !== mark || this.signal.aborted) return;
    this.card.show(liveRange(mark), reply.ok ? { state: 'ready', card: reply.value } : { state: 'failed', name: mark.name, error: reply.error });
    if (byKeyboard) this.card.focus();
  }

  closeCard(): void {
    this.cardRequest++;
    this.openMark = undefined;
    this.painter.setCurrent(undefined);
    if (!this.card.isOpen) return;
    this.card.hide();
    const back = this.focusBeforeCard;
    this.focusBeforeCard = null;
    if (back instanceof HTMLElement) back.focus({ preventScroll: true });
  }

  /** Moves to the next mark, scrolls it into view and opens its card with focus in it. */
  nextMark(): boolean {
    const marks = this.painter.marks;
    if (marks.length === 0) return false;
    this.keyboardIndex = (this.keyboardIndex + 1) % marks.length;
    const mark = marks[this.keyboardIndex];
    if (!mark) return false;
    this.painter.setCurrent(mark);
    mark.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    void this.openCard(mark, true);
    return true;
  }

  /**
   * The popup's "who and what": scrolls to the first mention of an entity and flashes it (the
   * current-mark highlight, for a moment). False when this page has no mark for it.
   */
  reveal(entityId: string): boolean {
    const mark = this.painter.marks.find((candidate) => candidate.entityId === entityId);
    if (!mark) return false;
    this.closeCard();
    mark.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    this.painter.setCurrent(mark);
    setTimeout(() => {
      if (!this.openMark) this.painter.setCurrent(undefined);
    }, FLASH_MS);
    return true;
  }

  /**
   * The context menu's "explain": the card of the selected name beside the selection, or, for a
   * name the knowledge lacks (id null), a card that says so and offers to add it to a pack.
   */
  explain(selection: string, id: string | null): boolean {
    const selected = this.doc.getSelection();
    const range = selected && selected.rangeCount > 0 ? selected.getRangeAt(0).cloneRange() : undefined;
    if (!range || range.collapsed) return false;
    this.closeCard();
    this.onInteraction();
    if (id === null) {
      this.card.show(range, { state: 'unknown', name: selection });
      return true;
    }
    const request = ++this.cardRequest;
    this.card.show(range, { state: 'loading', name: selection });
    const date = this.article?.date;
    void sendToBackground<'cs-bg:card'>({ type: 'cs-bg:card', id, ...(date ? { date } : {}) }).then((reply) => {
      if (request !== this.cardRequest || this.signal.aborted) return;
      this.card.show(range, reply.ok ? { state: 'ready', card: reply.value } : { state: 'failed', name: selection, error: reply.error });
    });
    return true;
  }

  /** The commands API's shortcut, forwarded by the background. */
  nextMarkFromCommand(): boolean {
    if (Date.now() - this.lastKeyPress < SAME_PRESS_MS) return this.card.isOpen;
    return this.nextMark();
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.card.isOpen) {
      this.closeCard();
      return;
    }
    if (event.code === NEXT_MARK_KEY.code && event.altKey === NEXT_MARK_KEY.altKey && event.shiftKey === NEXT_MARK_KEY.shiftKey && !event.ctrlKey && !event.metaKey) {
      this.lastKeyPress = Date.now();
      if (this.nextMark()) event.preventDefault();
    }
  }
}

/** Waits before sending a card's request again when the background did not answer. */
const CARD_RETRY_WAITS_MS = [0, 250, 750];
/** A card's request unanswered this long is sent again (a cold start with the cards file takes well under a second). */
const CARD_TIMEOUT_MS = 4_000;

/** How long a mark revealed from the popup stays lit. */
const FLASH_MS = 1_600;

/** Turns the engine's offsets into ranges in document order, in slices (a long article has thousands). */
async function marksFrom(map: TextMap, entities: readonly FoundEntitySummary[], firstOnly: boolean): Promise<Mark[]> {
  const spans = entities
    .flatMap((entity) => (firstOnly ? entity.mentions.slice(0, 1) : entity.mentions).map(([start, end]) => ({ start, end, entity })))
    .sort((a, b) => a.start - b.start);
  const marks: Mark[] = [];
  let sliceStart = performance.now();
  for (const { start, end, entity } of spans) {
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToPage();
      sliceStart = performance.now();
    }
    const range = rangeFor(map, start, end);
    if (range) marks.push({ range, entityId: entity.id, kind: entity.kind satisfies EntityKind, name: entity.name });
  }
  return marks;
}
