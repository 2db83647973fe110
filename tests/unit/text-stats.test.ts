import { describe, expect, it } from 'vitest';
import { textStats } from '../../src/engine/text-stats.js';

describe('textStats', () => {
  it('counts words, keeping hyphenated names and abbreviations whole', () => {
    expect(textStats('Moon Jae-in met U.S. officials at Panmunjom.').words).toBe(7);
  });

  it('counts apostrophes inside words as part of them', () => {
    expect(textStats('It’s the North’s summit, isn\'t it?').words).toBe(6);
  });

  it('gives no reading time to an empty text and at least a minute to a short one', () => {
    expect(textStats('   ').readingMinutes).toBe(0);
    expect(textStats('Kim Jong Un').readingMinutes).toBe(1);
  });

  it('reads about 238 words a minute', () => {
    expect(textStats('word '.repeat(238 * 4)).readingMinutes).toBe(4);
  });

  it('counts Chinese and Japanese characters rather than space-separated words', () => {
    const stats = textStats('朝鲜领导人金正恩与韩国总统文在寅会面');
    expect(stats.cjkChars).toBe(18);
    expect(stats.words).toBe(0);
  });

  it('counts Korean, which is written with spaces, in words', () => {
    expect(textStats('문재인 대통령이 판문점에서 김정은 위원장을 만났다').words).toBe(6);
  });
});
