// Deterministic news-like text for benchmarks, written by this project: sentences built from
// templates and names, so that every run measures the same input.

const PEOPLE = ['Kim Jong Un', 'Moon Jae-in', 'Donald Trump', 'Xi Jinping', 'Vladimir Putin', 'Emmanuel Macron', 'Olaf Scholz', 'Narendra Modi', 'Fumio Kishida', 'Volodymyr Zelenskyy', 'Benjamin Netanyahu', 'Recep Tayyip Erdoğan', 'Angela Merkel', 'Joe Biden', 'Heather Nauert'];
const PLACES = ['Panmunjom', 'Singapore', 'Seoul', 'Pyongyang', 'Washington', 'Beijing', 'Moscow', 'Kyiv', 'Paris', 'Berlin', 'Tokyo', 'New Delhi', 'Jerusalem', 'Ankara', 'the Korean Peninsula', 'the Gaza Strip', 'Crimea', 'Georgia', 'Jordan', 'Turkey'];
const ORGS = ['the State Department', 'the White House', 'KCNA', 'the United Nations', 'NATO', 'the European Union', 'Reuters', 'the Kremlin', 'the Pentagon', 'Yonhap', 'Xinhua', 'the World Health Organization'];
const TEMPLATES = [
  (p, q, l, o) => `${p} met ${q} in ${l} on Tuesday, ${o} said in a statement.`,
  (p, q, l, o) => `Officials in ${l} said ${p} would travel to meet ${q} next month, according to ${o}.`,
  (p, q, l) => `“We continue to prepare for a meeting,” ${p} told reporters in ${l}, adding that talks with ${q} were going well.`,
  (p, _q, l, o) => `The talks in ${l} were the first since ${p} took office, and ${o} welcomed the progress.`,
  () => 'Analysts said the outcome remained uncertain and that much would depend on the coming weeks.',
  () => 'The meeting lasted about two hours, and neither side took questions afterwards.',
  (p, _q, l) => `Later, ${p.split(' ').pop()} said the visit to ${l} had been useful.`,
  (_p, _q, l, o) => `${o} reported heavy rain in ${l}, where the delegation arrived late on Sunday.`,
];

/** A seeded pseudo-random generator (mulberry32), so that the text is the same on every run. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Paragraphs of news-like text, about `chars` characters in all. */
export function newsParagraphs(chars, seed = 2018) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const paragraphs = [];
  let length = 0;
  while (length < chars) {
    const sentences = [];
    const count = 2 + Math.floor(next() * 4);
    for (let i = 0; i < count; i++) sentences.push(pick(TEMPLATES)(pick(PEOPLE), pick(PEOPLE), pick(PLACES), pick(ORGS)));
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs;
}

export function newsText(chars, seed) {
  return newsParagraphs(chars, seed).join('\n\n').slice(0, chars);
}
