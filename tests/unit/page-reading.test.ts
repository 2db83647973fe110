// @vitest-environment jsdom
// Reading an article out of a page: which element, which text, and offsets back to the DOM.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { describeArticle } from '../../src/content/article-finder.js';
import { rangeFor, readText } from '../../src/content/text-map.js';
import { rangeText } from '../shared/static-range.js';

const SAMPLE = readFileSync('tests/fixtures/pages/voa-summit/index.html', 'utf8');

function load(html: string): void {
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
}

describe('finding the article', () => {
  beforeEach(() => load(SAMPLE));

  it('takes the <article>, its headline, date and language', () => {
    const article = describeArticle(document);
    expect(article?.root.tagName).toBe('ARTICLE');
    expect(article?.title).toBe('US, North Korean Officials Discuss Preparations for Potential Summit');
    expect(article?.date).toBe('2018-05-27');
  });

  it('takes the densest block of paragraphs when nothing is marked up', () => {
    load(`<html><body><nav><p>Home</p></nav><div id="story">${'<p>Officials met in Seoul to talk about the summit and its preparations.</p>'.repeat(10)}</div><footer><p>About</p></footer></body></html>`);
    expect(describeArticle(document)?.root.id).toBe('story');
  });

  it('finds no article on a page without one', () => {
    load('<html><body><nav><a href="/">Home</a></nav><p>Short.</p></body></html>');
    expect(describeArticle(document)).toBeNull();
  });
});

describe('reading the article’s text', () => {
  it('reads paragraphs and skips what is not the article', async () => {
    load(`<html><body><article>
      <h1>Talks in Panmunjom</h1>
      <p>Officials met in <b>Panmunjom</b>.</p>
      <aside><p>Related: Singapore</p></aside>
      <form><textarea>Kim Jong Un typed here</textarea><input value="Moon"></form>
      <div contenteditable="true">Editable Trump</div>
      <pre><code>Washington()</code></pre>
      <p hidden>Hidden Japan</p>
      <div class="comments"><p>A comment on China</p></div>
      <p>Moon Jae-in spoke.</p>
    </article></body></html>`);
    const article = describeArticle(document) ?? { root: document.body };
    const { text } = await readText(article.root);
    expect(text).toContain('Talks in Panmunjom');
    expect(text).toContain('Officials met in Panmunjom.');
    expect(text).toContain('Moon Jae-in spoke.');
    for (const hidden of ['Singapore', 'Kim Jong Un', 'Editable', 'Washington', 'Japan', 'China']) expect(text).not.toContain(hidden);
    expect(text).toMatch(/Panmunjom\s*\n\n\s*Officials/);
  });

  it('maps offsets back to the text nodes they came from, across elements', async () => {
    load('<html><body><article><p>South <em>Korean</em> President Moon Jae-in met Kim.</p></article></body></html>');
    const map = await readText(document.querySelector('article') ?? document.body);
    const start = map.text.indexOf('Korean President');
    const range = rangeFor(map, start, start + 'Korean President'.length);
    expect(rangeText(range)).toBe('Korean President');
    expect(range?.startContainer.parentElement?.tagName).toBe('EM');
  });

  it('gives no range when the text changed under it', async () => {
    load('<html><body><article><p>Moon Jae-in met Kim.</p></article></body></html>');
    const map = await readText(document.querySelector('article') ?? document.body);
    const node = map.nodes[0];
    if (node) node.data = 'Moon';
    expect(rangeFor(map, 0, 11)).toBeNull();
  });
});
