import { describe, expect, it } from 'vitest';
import { buildCard, flagOf, monthOf, roleLine } from '../../src/engine/card.js';
import { detectLanguage } from '../../src/engine/language.js';
import { locatorMap } from '../../src/engine/locator-map.js';
import type { CompiledEntity } from '../../src/knowledge/bundle.js';

const moon: CompiledEntity = {
  id: 'moon-jae-in',
  kind: 'person',
  subkind: 'politician',
  name: 'Moon Jae-in',
  aliases: [{ text: 'Moon Jae-in', form: 'name' }],
  description: 'South Korean politician.',
  roles: [{ title: 'President of South Korea', from: '2017-05-10', to: '2022-05-09' }],
  facts: { Born: '1953-01-24' },
  source: 'curated',
  prior: 0.8,
};

describe('the card of an entity', () => {
  it('says what a person was at the article’s date', () => {
    expect(roleLine(moon, '2018-05-27')).toBe('In May 2018: President of South Korea, 2017–2022');
  });

  it('falls back to the last role before the date, and to the latest without a date', () => {
    expect(roleLine(moon, '2024-03-01')).toBe('President of South Korea, 2017–2022');
    expect(roleLine(moon, undefined)).toBe('President of South Korea, 2017–2022');
    expect(roleLine(moon, '2010-01-01')).toBeNull();
  });

  it('shows a flag for places only, from the country code', () => {
    expect(flagOf('KR')).toBe('🇰🇷');
    expect(flagOf(undefined)).toBeNull();
    expect(buildCard({ ...moon, country: 'KR' }).flag).toBeNull();
    expect(buildCard({ ...moon, kind: 'place', subkind: 'city', country: 'KR', roles: undefined }).flag).toBe('🇰🇷');
  });

  it('names months in English', () => {
    expect(monthOf('2018-05-27')).toBe('May 2018');
  });
});

describe('the locator map', () => {
  const square: number[][] = [[120, 30, 130, 30, 130, 40, 120, 40]];

  it('centres the view on the place and draws the land in view', () => {
    const map = locatorMap(square, [37.5, 127]);
    expect(map.spot).toEqual([127, -37.5]);
    expect(map.viewBox).toBe('97 -55.5 60 36');
    expect(map.land).toBe('M120 -30L130 -30L130 -40L120 -40Z');
  });

  it('leaves out land far from the place', () => {
    expect(locatorMap(square, [-33.9, 18.4]).land).toBe('');
  });
});

describe('guessing an article’s language', () => {
  it.each([
    ['en', 'The talks were held on Sunday and the officials said that the meeting was useful for both sides.'],
    ['es', 'Los funcionarios dijeron que la reunión fue útil para los dos países y que las conversaciones seguirán por una semana más.'],
    ['cs', 'Tým manažera je v lize na třetím místě, ale fanoušci se obávají, že se to brzy změní, protože hráči jsou unavení.'],
    ['de', 'Die Gespräche fanden am Sonntag statt und die Beamten sagten, dass das Treffen für beide Seiten nützlich war.'],
    ['ko', '문재인 대통령이 판문점에서 김정은 위원장을 만났다.'],
    ['uk', 'Президент України заявив, що переговори тривають і що делегація повернеться наступного тижня.'],
    ['ru', 'Президент России заявил, что переговоры продолжаются и делегация вернется на следующей неделе.'],
  ])('recognises %s', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});
