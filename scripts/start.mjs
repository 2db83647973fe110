#!/usr/bin/env node
// `npm start [-- --firefox]`: builds Backstory for development and opens a browser with it
// loaded on the sample article, served under a news hostname mapped to this machine.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { loadHarness } from './load-harness.mjs';

const HELP = `Usage: npm start [-- --firefox]

Builds the extension (development build) and opens Chromium, or Firefox ESR with --firefox,
with Backstory loaded on the sample article. Close the browser window to stop.
`;

const { values } = parseArgs({
  options: { firefox: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  strict: true,
});
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  process.stderr.write(
    'npm start opens a browser window, but this session has no display (neither DISPLAY nor WAYLAND_DISPLAY is set).\n' +
      'Run it from a desktop session, or under a virtual display: xvfb-run npm start. The tests need no display: npm test.\n',
  );
  process.exit(1);
}

const browserName = values.firefox ? 'firefox' : 'chrome';
const build = spawnSync(process.execPath, ['build.mjs', '--dev', '--browser', browserName], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const { BROWSERS, launchWithExtension, startFixtureServer } = await loadHarness();

const spec = BROWSERS.find((candidate) => candidate.product === browserName);
const server = await startFixtureServer();
const session = await launchWithExtension(spec, { headless: false });
const [page] = await session.browser.pages();
const articleUrl = server.url('/voa-summit/');
await (page ?? (await session.browser.newPage())).goto(articleUrl);
process.stdout.write(`Backstory is loaded in ${spec.name} on ${articleUrl}\nClose the browser window to stop.\n`);
session.browser.on('disconnected', () => {
  void server.close().then(() => process.exit(0));
});
