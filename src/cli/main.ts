// `backstory`: the engine from a terminal.
import { textStats } from '../engine/text-stats.js';
import { analyzeCommand } from './analyze-command.js';
import { readInput } from './input.js';
import { knowledgeCommand } from './knowledge-command.js';
import { summarizeCommand } from './summarize-command.js';

declare const BACKSTORY_VERSION: string; // replaced by the build

const HELP = `Usage: backstory <command> [options]

Commands:
  analyze FILE|- [--json] [--date YYYY-MM-DD] [--lang xx]
                            the people, places, organizations and events an article names
  summarize FILE|- [--k N]  the article's key points (the popup's summary)
  summarize --jsonl         read {"id","article","k"} lines, write {"id","summary"} lines
  stats FILE|-              word count and reading time of a text file (- reads standard input)
  knowledge stats [--json]  what the bundled knowledge file holds
  knowledge find NAME [--json]
                            the entities NAME could mean, with descriptions and roles

Options:
  --help, -h          show this help
  --version           print the version
`;

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h') {
    process.stdout.write(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version') {
    process.stdout.write(`${BACKSTORY_VERSION}\n`);
    return 0;
  }
  if (command === 'analyze') return analyzeCommand(rest, (text) => process.stdout.write(text));
  if (command === 'summarize') return summarizeCommand(rest, (text) => process.stdout.write(text));
  if (command === 'knowledge') return knowledgeCommand(rest, (text) => process.stdout.write(text));
  if (command === 'stats') {
    const [file] = rest;
    if (file === undefined || rest.length !== 1) {
      process.stderr.write('backstory stats: give exactly one FILE, or - for standard input\n');
      return 2;
    }
    const stats = textStats(await readInput(file));
    process.stdout.write(`${stats.words} words, about ${stats.readingMinutes} min to read\n`);
    return 0;
  }
  process.stderr.write(`backstory: unknown command "${command}"\n\n${HELP}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`backstory: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
