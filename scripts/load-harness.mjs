// The browser launcher and fixture server belong to the end-to-end tests (TypeScript); scripts
// that need them compile them on the fly.
import * as esbuild from 'esbuild';

export async function loadHarness() {
  await esbuild.build({
    entryPoints: ['tests/e2e/harness.ts'],
    outfile: 'dist/dev/harness.mjs',
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  return import('../dist/dev/harness.mjs');
}
