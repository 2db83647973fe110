// The popup's "Copy": the key points as plain text, or as Markdown with who and what.
import type { FoundEntitySummary } from '../platform/messages.js';

export interface CopySource {
  title: string;
  date: string | null;
  url: string | undefined;
  points: readonly string[];
  entities: readonly Pick<FoundEntitySummary, 'name' | 'kind'>[];
}

export function asPlainText({ title, points }: CopySource): string {
  return [title, '', ...points.map((point) => `• ${point}`)].join('\n');
}

/** Markdown's own characters in page text are escaped, so a headline cannot become a link or a heading. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]{}()<>#+!|~]/g, (char) => `\\${char}`);
}

export function asMarkdown({ title, date, url, points, entities }: CopySource): string {
  const heading = url && /^https?:/.test(url) ? `[${escapeMarkdown(title)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)` : escapeMarkdown(title);
  const lines = [`## ${heading}`, ...(date ? ['', `*${date}*`] : []), '', '### Key points', '', ...points.map((point) => `- ${escapeMarkdown(point)}`)];
  if (entities.length > 0) lines.push('', '### Who and what', '', ...entities.map((entity) => `- **${escapeMarkdown(entity.name)}** (${entity.kind})`));
  return `${lines.join('\n')}\n`;
}
