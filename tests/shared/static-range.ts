// The text a mark's static range covers (marks are StaticRanges, which have no toString).
export function rangeText(range: StaticRange | null | undefined): string | undefined {
  if (!range) return undefined;
  const live = range.startContainer.ownerDocument?.createRange();
  if (!live) return undefined;
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live.toString();
}
