// The end-to-end harness fails loudly, with the way out, when a browser is missing.
import { describe, expect, it } from 'vitest';
import { launchWithExtension } from '../e2e/harness.js';

describe('launching a browser that is not installed', () => {
  it.each([
    ['Chromium', 'chrome', 'sudo apt-get install -y chromium'],
    ['Firefox ESR', 'firefox', 'sudo apt-get install -y firefox-esr'],
  ] as const)('fails for %s with the command that installs it', async (name, product, hint) => {
    const spec = { name, product, executable: '/nonexistent/browser', installHint: hint };
    await expect(launchWithExtension(spec)).rejects.toThrow(`${name} was not found at /nonexistent/browser. Install it with: ${hint}`);
  });
});
