// The popup's "Copy": plain text and Markdown, with page text that cannot become markup.
import { describe, expect, it } from 'vitest';
import { asMarkdown, asPlainText } from '../../src/popup/copy.js';

const source = {
  title: 'US, North Korean Officials Discuss Preparations for Potential Summit',
  date: '2018-05-27',
  url: 'https://www.voanews.com/a/us-north-korea-talks/4412350.html',
  points: ['U.S. officials are meeting with North Korean officials in Panmunjom.', 'Trump said the summit might be back on.'],
  entities: [
    { name: 'Kim Jong Un', kind: 'person' as const },
    { name: 'Panmunjom', kind: 'place' as const },
  ],
};

describe('copying the key points', () => {
  it('as plain text: the headline and one line per point', () => {
    expect(asPlainText(source)).toBe(
      'US, North Korean Officials Discuss Preparations for Potential Summit\n\n• U.S. officials are meeting with North Korean officials in Panmunjom.\n• Trump said the summit might be back on.',
    );
  });

  it('as Markdown: a linked headline, the date, the points and who and what', () => {
    expect(asMarkdown(source)).toBe(
      [
        '## [US, North Korean Officials Discuss Preparations for Potential Summit](<https://www.voanews.com/a/us-north-korea-talks/4412350.html>)',
        '',
        '*2018-05-27*',
        '',
        '### Key points',
        '',
        '- U.S. officials are meeting with North Korean officials in Panmunjom.',
        '- Trump said the summit might be back on.',
        '',
        '### Who and what',
        '',
        '- **Kim Jong Un** (person)',
        '- **Panmunjom** (place)',
        '',
      ].join('\n'),
    );
  });

  it('escapes Markdown in page text, so that a headline cannot become a link, an image or HTML', () => {
    const hostile = { ...source, url: 'javascript:alert(1)', title: '![x](https://evil.example/a.png) <img src=x onerror=alert(1)>', points: ['*bold* [link](https://evil.example)'], entities: [] };
    const markdown = asMarkdown(hostile);
    expect(markdown).toContain('## \\!\\[x\\]\\(https://evil.example/a.png\\) \\<img src=x onerror=alert\\(1\\)\\>');
    expect(markdown).toContain('- \\*bold\\* \\[link\\]\\(https://evil.example\\)');
    expect(markdown).not.toContain('javascript:');
  });
});
