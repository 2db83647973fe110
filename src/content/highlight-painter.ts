// Marks are painted with the CSS Custom Highlight API: ranges are registered under a name and
// styled with ::highlight(name) (content.css), so the page's DOM is never touched.
// https://drafts.csswg.org/css-highlight-api-1/
import { ENTITY_KINDS, type EntityKind } from '../knowledge/kinds.js';

export const HIGHLIGHT_NAME_PREFIX = 'backstory-';
const CURRENT_HIGHLIGHT = `${HIGHLIGHT_NAME_PREFIX}current`;

export interface Mark {
  range: Range;
  entityId: string;
  kind: EntityKind;
  name: string;
}

export class HighlightPainter {
  private readonly highlights = new Map<EntityKind, Highlight>();
  /** Painted marks in document order. */
  marks: Mark[] = [];
  private readonly byNode = new Map<Node, Mark[]>();
  private readonly current = new Highlight();

  constructor(signal: AbortSignal) {
    CSS.highlights.set(CURRENT_HIGHLIGHT, this.current);
    for (const kind of ENTITY_KINDS) {
      const highlight = new Highlight();
      this.highlights.set(kind, highlight);
      CSS.highlights.set(HIGHLIGHT_NAME_PREFIX + kind, highlight);
    }
    signal.addEventListener('abort', () => this.unregister(), { once: true });
  }

  /** Replaces every mark with these, which come in document order. */
  paint(marks: Mark[]): void {
    for (const highlight of this.highlights.values()) highlight.clear();
    this.byNode.clear();
    this.marks = marks;
    for (const mark of this.marks) {
      this.highlights.get(mark.kind)?.add(mark.range);
      for (const node of [mark.range.startContainer, mark.range.endContainer]) {
        const list = this.byNode.get(node) ?? [];
        if (!list.includes(mark)) list.push(mark);
        this.byNode.set(node, list);
      }
    }
  }

  /** The mark at a caret position (a text node and an offset in it), if any. */
  markAt(node: Node, offset: number): Mark | undefined {
    return this.byNode.get(node)?.find((mark) => mark.range.isPointInRange(node, offset));
  }

  /** Shows which mark the keyboard is on (an extra highlight); undefined clears it. */
  setCurrent(mark: Mark | undefined): void {
    this.current.clear();
    if (mark) this.current.add(mark.range);
  }

  private unregister(): void {
    if (CSS.highlights.get(CURRENT_HIGHLIGHT) === this.current) CSS.highlights.delete(CURRENT_HIGHLIGHT);
    for (const [kind, highlight] of this.highlights) {
      // Only remove our own registration: a newer content script may have replaced it.
      if (CSS.highlights.get(HIGHLIGHT_NAME_PREFIX + kind) === highlight) CSS.highlights.delete(HIGHLIGHT_NAME_PREFIX + kind);
    }
    this.marks = [];
    this.byNode.clear();
  }
}
