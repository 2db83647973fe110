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

  it('names an unknown command and exits with 2', () => {
    const run = spawnSync(process.execPath, [CLI, 'frobnicate'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown command "frobnicate"');
  });
});
