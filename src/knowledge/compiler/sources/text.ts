import { MAX_DESCRIPTION_CHARS } from '../../schema.js';

/** A description of at most MAX_DESCRIPTION_CHARS, cut at a word and capitalised. */
export function clipDescription(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const capitalised = clean.charAt(0).toUpperCase() + clean.slice(1);
  if (capitalised.length <= MAX_DESCRIPTION_CHARS) return capitalised;
  const cut = capitalised.slice(0, MAX_DESCRIPTION_CHARS - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:]$/, '')}…`;
}

export function formatPopulation(population: number): string {
  return new Intl.NumberFormat('en-US').format(population);
}
