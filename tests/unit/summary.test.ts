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
    ['line breaks', 'A headline without a stop\nThe first paragraph.', ['A headline without a stop', 'The first paragraph.']],
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
