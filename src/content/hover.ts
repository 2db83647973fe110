// Which mark the reader is resting on: the pointer (with an intent delay and a grace period to
// reach the card) and taps on touch screens.
import type { CardHost } from './card-host.js';
import { liveRange, type HighlightPainter, type Mark } from './highlight-painter.js';

/** Leaving a mark closes its card after this long, so that the pointer can move into it. */
export const HOVER_GRACE_MS = 300;

interface HoverCallbacks {
  open(mark: Mark): void;
  close(): void;
  /** The reader's hover delay, read at each rest. */
  intentMs(): number;
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | undefined {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

function rangeContainsPoint(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

/** The mark under a point of the viewport, if the point is really over its text. */
export function markAtPoint(doc: Document, painter: HighlightPainter, x: number, y: number): Mark | undefined {
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return undefined;
  const mark = painter.markAt(caret.node, caret.offset);
  return mark && rangeContainsPoint(liveRange(mark), x, y) ? mark : undefined;
}

export function trackHover(doc: Document, painter: HighlightPainter, card: CardHost, callbacks: HoverCallbacks, signal: AbortSignal): void {
  let hovered: Mark | undefined;
  let intent: ReturnType<typeof setTimeout> | undefined;
  let grace: ReturnType<typeof setTimeout> | undefined;
  let pending: PointerEvent | undefined;
  let frame = 0;
  const clearTimers = () => {
    clearTimeout(intent);
    clearTimeout(grace);
  };
  signal.addEventListener('abort', () => {
    clearTimers();
    cancelAnimationFrame(frame);
  });

  const settle = () => {
    frame = 0;
    const event = pending;
    if (!event) return;
    if (card.contains(event.target)) {
      clearTimeout(grace);
      return;
    }
    const mark = markAtPoint(doc, painter, event.clientX, event.clientY);
    if (mark === hovered) return;
    hovered = mark;
    clearTimers();
    if (mark) intent = setTimeout(() => callbacks.open(mark), callbacks.intentMs());
    else if (card.isOpen) grace = setTimeout(() => callbacks.close(), HOVER_GRACE_MS);
  };

  doc.addEventListener(
    'pointermove',
    (event) => {
      if (event.pointerType === 'touch') return;
      pending = event;
      // One hit test per frame, however fast the pointer moves.
      frame ||= requestAnimationFrame(settle);
    },
    { passive: true, capture: true, signal },
  );
  doc.addEventListener(
    'pointerdown',
    (event) => {
      if (card.contains(event.target)) return;
      const mark = markAtPoint(doc, painter, event.clientX, event.clientY);
      if (event.pointerType !== 'mouse' && mark) {
        clearTimers();
        hovered = mark;
        callbacks.open(mark);
      } else if (!mark && card.isOpen) {
        clearTimers();
        hovered = undefined;
        callbacks.close();
      }
    },
    { passive: true, capture: true, signal },
  );
}
