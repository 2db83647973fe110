// `backstory analyze FILE|- [--json] [--date YYYY-MM-DD]`
import { readFile } from 'node:fs/promises';
import { createAnalyzer, type Analyzer } from '../engine/analyze.js';
import { detectLanguage } from '../engine/language.js';
import { parseKnowledge } from '../knowledge/load.js';
import { readArticle } from './article.js';

export const ANALYZE_HELP = `Usage: backstory analyze FILE|- [--json] [--date YYYY-MM-DD] [--lang xx]

Finds the people, places, organizations and events an article names. FILE is .html (read with
Mozilla Readability, as the browser does) or .txt (its first line is the headline); - reads
standard input. --date sets the article's date (default: the page's own), which selects the
roles shown; --lang its language.
`;

const KNOWLEDGE_URL = new URL('./knowledge.json', import.meta.url);

export async function loadAnalyzer(): Promise<Analyzer> {
  return createAnalyzer(parseKnowledge(await readFile(KNOWLEDGE_URL, 'utf8')));
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

export async function analyzeCommand(args: string[], write: (text: string) => void): Promise<number> {
  const json = args.includes('--json');
  const date = option(args, '--date');
  const lang = option(args, '--lang');
  const files = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--date' && args[i - 1] !== '--lang');
  if (files.length !== 1 || (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date))) {
    process.stderr.write(ANALYZE_HELP);
    return 2;
  }
  const [file = '-'] = files;
  const article = await readArticle(file === '-' ? 'stdin' : file, file === '-' ? await readStdin() : undefined);
  const published = date ?? article.published;
  const declared = lang ?? article.language;
  const language = declared ?? detectLanguage(article.text);
  const analyzer = await loadAnalyzer();
  const entities = analyzer.analyze({
    text: article.text,
    title: article.title,
    lang: language,
    ...(published ? { date: published } : {}),
  });
  if (json) {
    write(`${JSON.stringify({ title: article.title, published, language, text: article.text, entities })}\n`);
    return 0;
  }
  write(`${article.title}${published ? ` (${published})` : ''}\n\n`);
  for (const entity of entities) {
    const role = entity.role_at_date ? ` — ${entity.role_at_date}` : '';
    const forms = [...new Set(entity.mentions.map((mention) => mention.text))].join(', ');
    write(`${entity.salience.toFixed(2)}  ${entity.name} [${entity.kind}]${role}\n      ${entity.description}\n      mentioned as: ${forms}\n`);
  }
  return 0;
}
