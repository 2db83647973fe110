// Text that a page puts around an article but is not the article: photo credits, agency tags,
// copyright lines, author bios and print notes. Names in it get no card, as a reader would
// expect (and as the evaluation corpus annotates). The patterns are few alternations rather
// than one per kind: each is a pass over the whole article.

const PATTERNS: RegExp[] = [
  // In brackets: "(Thomas Coex/AFP/Getty Images)" or "(Reuters)" closing a caption, or an agency
  // tag after a dateline, "WASHINGTON (Reuters) -".
  /\((?:[^()\n]{0,80}\/[^()\n]{0,80}|[\p{Lu}][\p{L}.&' -]{0,30})\)(?:\s*(?=\n|$)|\s+[-—–])/gu,
  // Credits: "CreditJeon Heon-Kyun/EPA", "Credit Ashraf Shazly/Agence France-Presse — Getty
  // Images", "Photo: …".
  /\b(?:Credits?:?\s?(?=\p{Lu})[^\n]{0,120}?(?:\/|Getty Images|\bvia\b)[^\n]{0,80}|(?:Photo|Photograph|Image|Picture|Video)s?(?: credit)?:[^\n]*)/gu,
  // "© Provided by Business Insider Inc".
  /©(?:\s*[^\s]+){1,6}/gu,
  // Whole paragraphs: author bios ("Steven Mufson covers the White House.", "Lucas Nolan is a
  // reporter for Breitbart Tech"), print notes, follow prompts, and a paragraph of one word (a
  // share button or an embed's label, "Facebook").
  /(?:^|\n)(?:(?:[\p{Lu}][\p{L}.'-]+ ){1,3}(?:is an? (?:reporter|correspondent|writer|editor|columnist|contributor)|covers|joined|writes about|has covered)\b[^\n]*|A version of this article appears in print[^\n]*(?:\n+[^\n]{0,60}){0,12}|Follow [^\n]{0,60} on (?:Twitter|X|Facebook|Instagram)[^\n]*|[\p{L}]+(?=\n|$))/gu,
];
// Contributor lines, "Steve Herman at the White House contributed to this report.": found by
// their phrase, then taken whole (a pattern that reads every paragraph's opening up to the
// phrase costs more than all the others together).
const CONTRIBUTED = /\bcontributed (?:reporting|to this report)/gu;
const LONGEST_CONTRIBUTOR_LINE = 120;

export function nonArticleRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const pattern of PATTERNS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      ranges.push([match.index, match.index + match[0].length]);
      if (match[0].length === 0) pattern.lastIndex++;
    }
  }
  CONTRIBUTED.lastIndex = 0;
  for (let match = CONTRIBUTED.exec(text); match !== null; match = CONTRIBUTED.exec(text)) {
    const lineStart = text.lastIndexOf('\n', match.index) + 1;
    if (match.index - lineStart > LONGEST_CONTRIBUTOR_LINE) continue;
    const lineEnd = text.indexOf('\n', match.index);
    ranges.push([lineStart, lineEnd < 0 ? text.length : lineEnd]);
  }
  return ranges;
}
