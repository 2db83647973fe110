// Sentence splitting for news text and the key-points summarizer.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/engine/sentences.js';
import { summarize } from '../../src/engine/summary.js';

const texts = (text: string, lang?: string) => splitSentences(text, lang).map((sentence) => sentence.text);

describe('sentences of news text', () => {
  it.each([
    ['a title', 'Mr. Moon met Kim. They talked.', ['Mr. Moon met Kim.', 'They talked.']],
    ['a dotted country', 'The U.S. Army said so. Talks went on.', ['The U.S. Army said so.', 'Talks went on.']],
    ['a dotted country at the end of a sentence', 'He flew to the U.S. The talks went on.', ['He flew to the U.S.', 'The talks went on.']],
    ['initials', 'J. K. Rowling wrote it. It sold.', ['J. K. Rowling wrote it.', 'It sold.']],
    ['a month', 'It began on Jan. 5 in Seoul. Nobody came.', ['It began on Jan. 5 in Seoul.', 'Nobody came.']],
    ['a quotation that ends a sentence', '"We will meet," he said. "Soon."', ['"We will meet," he said.', '"Soon."']],
    ['a caption run into the next sentence', 'The crane on the roof in Liverpool The amount of drugs is high.', ['The crane on the roof in Liverpool', 'The amount of drugs is high.']],
    ['a letter that is a name, not an article', 'Levels of vitamin A are low. Doctors agree.', ['Levels of vitamin A are low.', 'Doctors agree.']],
    [
      'a caption run into a sentence that opens with a pronoun',
      'Hamilton stands on his car after winning in Bahrain It was another fine win.',
      ['Hamilton stands on his car after winning in Bahrain', 'It was another fine win.'],
    ],
    [
      'a caption that ends in a picture note',
      'A tourist says a driver molested her (pictured posed by model) A taxi driver has been arrested.',
      ['A tourist says a driver molested her (pictured posed by model)', 'A taxi driver has been arrested.'],
    ],
    ['a title that opens with a capitalised word', 'She presents This Morning on weekdays. Viewers agree.', ['She presents This Morning on weekdays.', 'Viewers agree.']],
    ['a sentence that lost its stop before "And" (kept whole)', 'Millions were killed And it is still denied.', ['Millions were killed And it is still denied.']],
    ['line breaks', 'A headline without a stop\nThe first paragraph.', ['A headline without a stop', 'The first paragraph.']],
    [
      'a quoted question and its attribution',
      "'Could I have done a better lap?' said the driver. He won again.",
      ["'Could I have done a better lap?' said the driver.", 'He won again.'],
    ],
    ['a title after a prefix', 'He quoted then-Sen. Obama on the issue. It worked.', ['He quoted then-Sen. Obama on the issue.', 'It worked.']],
    ['a sentence that opens with a numeral', 'The tower burned down in 2014. 15 people were hurt.', ['The tower burned down in 2014.', '15 people were hurt.']],
    ['an abbreviation before a numeral', 'It weighed approx. 5 tonnes at launch.', ['It weighed approx. 5 tonnes at launch.']],
    [
      'a caption run into a sentence that opens with "According to"',
      'Police at the scene in Logan Square According to police, the gunman fled.',
      ['Police at the scene in Logan Square', 'According to police, the gunman fled.'],
    ],
    [
      'a caption run into a sentence that opens with a number',
      'Lightning inside the ash cloud over Colima in Mexico The 12,400ft volcano is one of the most active.',
      ['Lightning inside the ash cloud over Colima in Mexico', 'The 12,400ft volcano is one of the most active.'],
    ],
  ])('splits across %s', (_, text, expected) => {
    expect(texts(text)).toEqual(expected);
  });

  it('gives offsets into the text and paragraph numbers', () => {
    const text = 'One here.\n\nTwo there. Three.';
    const sentences = splitSentences(text);
    expect(sentences.map(({ start, end }) => text.slice(start, end))).toEqual(['One here.', 'Two there.', 'Three.']);
    expect(sentences.map((sentence) => sentence.paragraph)).toEqual([0, 1, 1]);
  });

  it('splits other languages with their own rules', () => {
    expect(texts('Der Präsident kam. Er sprach lange.', 'de')).toEqual(['Der Präsident kam.', 'Er sprach lange.']);
    expect(texts('대통령이 왔다. 그는 말했다.', 'ko')).toHaveLength(2);
  });
});

describe('key points', () => {
  const lead = [
    'WASHINGTON (Reuters) - The two leaders agreed on Sunday to meet again in Singapore next month.',
    'Officials from both governments met at Panmunjom for three hours of talks on the summit.',
    'Photo: The border village seen from the south side of the line',
    'Where will it end?',
    '"It was a good day for peace and for the whole region," said one official.',
    'The talks followed weeks of uncertainty after the summit was called off and then revived.',
    'The two leaders agreed on Sunday to meet again in Singapore in June.',
  ].join('\n');

  it('keeps the story’s order and leaves out captions, questions, datelines, speech and repeats', () => {
    expect(summarize(lead, { k: 3 })).toEqual([
      'The two leaders agreed on Sunday to meet again in Singapore next month.',
      'Officials from both governments met at Panmunjom for three hours of talks on the summit.',
      'The talks followed weeks of uncertainty after the summit was called off and then revived.',
    ]);
  });

  it('gives as many sentences as asked, when the text has them', () => {
    expect(summarize(lead, { k: 1 })).toHaveLength(1);
    expect(summarize(lead, { k: 4 })).toHaveLength(4);
  });

  it('leaves out the header of a Daily Mail page and the caption after "Scroll down for video"', () => {
    const page = [
      'By . Daily Mail Reporter . PUBLISHED: . 07:09 EST, 3 January 2014 . | . UPDATED: . 09:09 EST, 3 January 2014 .',
      'A man who stole a city bus was arrested on Friday after a chase through the centre.',
      'Scroll down for video',
      'The stolen bus was later found parked outside the depot.',
      'He was charged with theft and will appear in court next month.',
    ].join(' ');
    expect(summarize(page, { k: 3 })).toEqual([
      'A man who stole a city bus was arrested on Friday after a chase through the centre.',
      'He was charged with theft and will appear in court next month.',
    ]);
  });

  it('starts a headline run into its lead where the lead restates it', () => {
    const page =
      'Cameron will say high taxes are immoral as households get a tax cut Cameron will say today that high taxes are immoral.';
    expect(summarize(page, { k: 1 })).toEqual(['Cameron will say today that high taxes are immoral.']);
  });

  it('drops the connective that ties a point to the sentence before it', () => {
    const page = [
      'The council approved the new bridge over the river on Monday night.',
      'But residents of the east bank say the toll will be too high for them.',
      'However, eBay said the sale of its building would go ahead as planned.',
    ].join(' ');
    expect(summarize(page, { k: 3 })).toEqual([
      'The council approved the new bridge over the river on Monday night.',
      'Residents of the east bank say the toll will be too high for them.',
      'eBay said the sale of its building would go ahead as planned.',
    ]);
    const german = summarize('Der Rat hat die Brücke am Montag genehmigt. But nothing else was changed here at all.', { k: 2, lang: 'de' });
    expect(german).toContain('But nothing else was changed here at all.');
  });

  it('starts the story at its dateline, below a caption', () => {
    const page = [
      'United Nations peacekeepers at a refugee camp in Sudan on Monday.',
      'LONDON — After nearly 20 years of hostile relations, the American government plans to lift trade sanctions on Sudan.',
      'Sudan is one of the poorest, most isolated and most violent countries in Africa.',
    ].join('\n\n');
    expect(summarize(page, { k: 2 })).toEqual([
      'After nearly 20 years of hostile relations, the American government plans to lift trade sanctions on Sudan.',
      'Sudan is one of the poorest, most isolated and most violent countries in Africa.',
    ]);
  });

  it('leaves out a caption that a photo credit closes', () => {
    const page = [
      'Israeli Prime Minister Benjamin Netanyahu reacts as he visits the Western Wall in Jerusalem on Wednesday. (Thomas Coex/AFP/Getty Images)',
      'President Obama told the General Assembly that he would seek real breakthroughs on two issues.',
      'Netanyahu’s triumph keeps in place a prime minister who has declared his intention to resist Obama.',
    ].join('\n\n');
    expect(summarize(page, { k: 2 })).toEqual([
      'President Obama told the General Assembly that he would seek real breakthroughs on two issues.',
      'Netanyahu’s triumph keeps in place a prime minister who has declared his intention to resist Obama.',
    ]);
    const brief = 'The central bank raised its main interest rate on Monday morning. Markets fell sharply across the region. (Reuters)';
    expect(summarize(brief, { k: 2 })).toEqual(['The central bank raised its main interest rate on Monday morning.', 'Markets fell sharply across the region.']);
  });

  it('still gives the opening of a text with no full sentence', () => {
    expect(summarize('Scores\nHome 2 Away 1', { k: 3 })).toEqual(['Scores', 'Home 2 Away 1']);
  });

  it('summarises the sample article from its lead', () => {
    const article = readFileSync('tests/fixtures/pages/voa-summit/article.txt', 'utf8');
    const points = summarize(article, { k: 3 });
    expect(points).toHaveLength(3);
    expect(points.join(' ')).toMatch(/North Korea/);
    for (const point of points) expect(article).toContain(point);
  });
});
