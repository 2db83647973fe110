// How central each entity is to the article: how often it is named, whether the headline and
// the lead name it, and how early it first appears.

const HEADLINE_WEIGHT = 1.5;
const LEAD_WEIGHT = 1;
const EARLINESS_WEIGHT = 0.5;
/** The lead: the first share of the text (news puts who and what at the top). */
const LEAD_SHARE = 0.15;

export interface SalienceInput {
  mentions: number;
  /** Offset of the first mention divided by the text's length, 0..1. */
  firstPosition: number;
  inHeadline: boolean;
}

export function rawSalience({ mentions, firstPosition, inHeadline }: SalienceInput): number {
  return (
    Math.log2(1 + mentions) +
    (inHeadline ? HEADLINE_WEIGHT : 0) +
    (firstPosition <= LEAD_SHARE ? LEAD_WEIGHT : 0) +
    EARLINESS_WEIGHT * (1 - firstPosition)
  );
}

/** Scales raw scores to 0..1, the most salient entity at 1, rounded to three decimals. */
export function normaliseSalience(scores: readonly number[]): number[] {
  const max = Math.max(0, ...scores);
  return scores.map((score) => (max > 0 ? Math.round((score / max) * 1000) / 1000 : 0));
}
