// Marks are painted with the CSS Custom Highlight API: ranges are registered under a name and
// styled with ::highlight(name) (content.css), so the page's DOM is never touched.
// https://drafts.csswg.org/css-highlight-api-1/
import { ENTITY_KINDS, type EntityKind } from '../knowledge/kinds.js';
import type { MarkStyle } from '../platform/settings.js';

export const HIGHLIGHT_NAME_PREFIX = 'backstory-';
/** At most this many ranges are registered at once (about 15 ms of layout in Chromium's next frame). */
export const MAX_PAINTED_RANGES = 1_000;
const CURRENT_HIGHLIGHT = `${HIGHLIGHT_NAME_PREFIX}current`;

/** The registry name of a kind's highlight in a mark style (content.css styles each); none for "hover". */
function highlightName(kind: EntityKind, style: MarkStyle): string | undefined {
  if (style === 'hover') return undefined;
  return style === 'tint' ? `${HIGHLIGHT_NAME_PREFIX}tint-${kind}` : HIGHLIGHT_NAME_PREFIX + kind;
}

export interface Mark {
  /**
   * Static, not live: a live range is one more thing the page's every DOM change must update,
   * and a long article has thousands. Text that changes under a mark is read again
   * (PageSession's observer); a range left out of bounds meanwhile is not painted.
   */
  range: StaticRange;
  entityId: string;
  kind: EntityKind;
  name: string;
}

/** A live range over a mark's text, for geometry (where it is on screen) and hit tests. */
export function liveRange(mark: Mark): Range {
  const { startContainer, startOffset, endContainer, endOffset } = mark.range;
  const range = startContainer.ownerDocument?.createRange() ?? new Range();
  range.setStart(startContainer, Math.min(startOffset, nodeLength(startContainer)));
  range.setEnd(endContainer, Math.min(endOffset, nodeLength(endContainer)));
  return range;
}

function nodeLength(node: Node): number {
  return node instanceof CharacterData ? node.length : node.childNodes.length;
}

export class HighlightPainter {
  private readonly highlights = new Map<EntityKind, Highlight>();
  /** Painted marks in document order. */
  marks: Mark[] = [];
  private readonly byNode = new Map<Node, Mark[]>();
  private readonly current = new Highlight();
  private windowStart = -1;
  private style: MarkStyle = 'underline';

  constructor(signal: AbortSignal) {
    // Nothing is registered until there is something to paint: each registration makes the
    // page's next frame look at the highlights.
    signal.addEventListener('abort', () => this.unregister(), { once: true });
  }

  private register(kind: EntityKind, highlight: Highlight): void {
    this.highlights.set(kind, highlight);
    const name = highlightName(kind, this.style);
    if (name) CSS.highlights.set(name, highlight);
  }

  /**
   * Takes a kind off the page (it has no marks now), whoever registered it: a script of an
   * earlier version that Firefox unloaded without a word may have left its registration behind.
   */
  private drop(kind: EntityKind): void {
    const name = highlightName(kind, this.style);
    if (name) CSS.highlights.delete(name);
    this.highlights.delete(kind);
  }

  /** Underlined, tinted, or nothing until hovered (only the open card's mark is lit). */
  setStyle(style: MarkStyle): void {
    if (style === this.style) return;
    this.unregisterKinds();
    this.style = style;
    for (const [kind, highlight] of this.highlights) this.register(kind, highlight);
  }

  /**
   * Replaces every mark with these, which come in document order. Chromium's next frame after
   * a highlight changes costs about 2 µs per registered range (measured: 54 ms for 20,000), so a
   * long article has only the marks around the viewport registered, and the window follows
   * scrolling.
   */
  paint(marks: Mark[]): void {
    this.byNode.clear();
    this.marks = marks;
    for (const mark of marks) {
      for (const node of [mark.range.startContainer, mark.range.endContainer]) {
        const list = this.byNode.get(node) ?? [];
        if (!list.includes(mark)) list.push(mark);
        this.byNode.set(node, list);
      }
    }
    this.windowStart = -1;
    this.paintWindow();
  }

  /** Registers the marks around the viewport, if the window has moved far enough. */
  paintWindow(): void {
    const marks = this.marks;
    const start = marks.length <= MAX_PAINTED_RANGES ? 0 : Math.max(0, this.firstVisible() - MAX_PAINTED_RANGES / 2);
    const fresh = this.windowStart < 0;
    if (!fresh && Math.abs(start - this.windowStart) < MAX_PAINTED_RANGES / 4) return;
    if (!fresh && marks.length <= MAX_PAINTED_RANGES) return;
    this.windowStart = start;
    const byKind = new Map<EntityKind, StaticRange[]>();
    for (const mark of marks.slice(start, start + MAX_PAINTED_RANGES)) {
      const list = byKind.get(mark.kind) ?? [];
      list.push(mark.range);
      byKind.set(mark.kind, list);
    }
    // One replacement per kind: adding ranges one by one would re-lay out all of them each time.
    for (const kind of ENTITY_KINDS) {
      const ranges = byKind.get(kind);
      if (ranges) this.register(kind, new Highlight(...ranges));
      else this.drop(kind);
    }
  }

  /** The index of the first mark at or below the top of the viewport (marks are in document order). */
  private firstVisible(): number {
    let low = 0;
    let high = this.marks.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      const mark = this.marks[middle];
      if (mark && liveRange(mark).getBoundingClientRect().bottom < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The mark at a caret position (a text node and an offset in it), if any. */
  markAt(node: Node, offset: number): Mark | undefined {
    return this.byNode.get(node)?.find((mark) => {
      const { startContainer, startOffset, endContainer, endOffset } = mark.range;
      if (startContainer === node && endContainer === node) return offset >= startOffset && offset <= endOffset;
      return liveRange(mark).isPointInRange(node, offset);
    });
  }

  /** Shows which mark the keyboard is on (an extra highlight); undefined clears it. */
  setCurrent(mark: Mark | undefined): void {
    this.current.clear();
    if (!mark) return;
    if (!CSS.highlights.has(CURRENT_HIGHLIGHT)) CSS.highlights.set(CURRENT_HIGHLIGHT, this.current);
    this.current.add(mark.range);
  }

  private unregisterKinds(): void {
    for (const [kind, highlight] of this.highlights) {
      const name = highlightName(kind, this.style);
      // Only remove our own registration: a newer content script may have replaced it.
      if (name && CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
    }
  }

  private unregister(): void {
    if (CSS.highlights.get(CURRENT_HIGHLIGHT) === this.current) CSS.highlights.delete(CURRENT_HIGHLIGHT);
    this.unregisterKinds();
    this.marks = [];
    this.byNode.clear();
  }
}
