// `backstory summarize`: the popup's key points from a terminal. With --jsonl, reads lines
// {"id", "article", "k"} and writes {"id", "summary"} (an array of sentences) for each, so that
// the summary scorer in ../shared/summaries can run it; otherwise summarises one text file.
import { createInterface } from 'node:readline';
import { summarize } from '../engine/summary.js';
import { readInput } from './input.js';

const USAGE = 'usage: backstory summarize --jsonl < pairs.jsonl   or   backstory summarize FILE|- [--k N]\n';

function parseLine(line: string, number: number): { id: unknown; article: string; k?: number } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new Error(`line ${number}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof value !== 'object' || value === null) throw new Error(`line ${number}: expected an object {"id", "article", "k"}`);
  const { id, article, k } = value as Record<string, unknown>;
  if (typeof article !== 'string') throw new Error(`line ${number}: "article" must be a string`);
  if (k !== undefined && (typeof k !== 'number' || !Number.isInteger(k) || k < 1)) throw new Error(`line ${number}: "k" must be a positive integer`);
  return { id, article, ...(k === undefined ? {} : { k }) };
}

export async function summarizeCommand(args: string[], write: (text: string) => void): Promise<number> {
  if (args.includes('--jsonl')) {
    let number = 0;
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      number++;
      if (!line.trim()) continue;
      const { id, article, k } = parseLine(line, number);
      write(`${JSON.stringify({ id, summary: summarize(article, { k: k ?? 3 }) })}\n`);
    }
    return 0;
  }
  const kAt = args.indexOf('--k');
  const k = kAt >= 0 ? Number(args[kAt + 1]) : 3;
  const files = args.filter((arg, i) => !arg.startsWith('--') && (kAt < 0 || i !== kAt + 1));
  if (files.length !== 1 || !Number.isInteger(k) || k < 1) {
    process.stderr.write(USAGE);
    return 2;
  }
  for (const sentence of summarize(await readInput(files[0] ?? '-'), { k })) write(`- ${sentence}\n`);
  return 0;
}
