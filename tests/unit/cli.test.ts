import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const CLI = 'dist/cli.mjs';

describe('backstory (dist/cli.mjs)', () => {
  it('prints its help', () => {
    expect(execFileSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' })).toMatch(/^Usage: backstory/);
  });

  it('prints the version of package.json', async () => {
    const { version } = (await import('../../package.json', { with: { type: 'json' } })).default;
    expect(execFileSync(process.execPath, [CLI, '--version'], { encoding: 'utf8' }).trim()).toBe(version);
  });

  it('counts the words of a text on standard input', () => {
    const output = execFileSync(process.execPath, [CLI, 'stats', '-'], { input: 'Kim Jong Un met Moon Jae-in.', encoding: 'utf8' });
    expect(output).toBe('6 words, about 1 min to read\n');
  });

  it('summarises JSON lines as the summary scorer sends them, with the popup’s summarizer', () => {
    const article = 'Leaders met in Singapore on Tuesday for talks. They agreed to meet again next year in Seoul. Nobody else was there at all.';
    const input = `${JSON.stringify({ id: 'a', article, k: 2 })}\n\n${JSON.stringify({ id: 7, article: 'Too short.' })}\n`;
    const lines = execFileSync(process.execPath, [CLI, 'summarize', '--jsonl'], { input, encoding: 'utf8' }).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toEqual([
      { id: 'a', summary: ['Leaders met in Singapore on Tuesday for talks.', 'They agreed to meet again next year in Seoul.'] },
      { id: 7, summary: ['Too short.'] },
    ]);
  });

  it('names the line of a malformed summarize request', () => {
    const run = spawnSync(process.execPath, [CLI, 'summarize', '--jsonl'], { input: '{"id":1,"article":"Fine here."}\n{"id":2}\n', encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('line 2: "article" must be a string');
  });

  it('names an unknown command and exits with 2', () => {
    const run = spawnSync(process.execPath, [CLI, 'frobnicate'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown command "frobnicate"');
  });
});
