// Launches real browsers with the built extension and serves the fixture pages under a real
// news hostname mapped to loopback, so that the shipped manifest's match patterns apply.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type Target } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';

export const NEWS_HOST = 'www.voanews.com';
const FIXTURE_PAGES_DIR = resolve('tests/fixtures/pages');
const FIREFOX_GECKO_ID = 'backstory@reading-companion';
// Pinned so that tests can open the extension's pages at a known moz-extension:// origin.
const FIREFOX_EXTENSION_UUID = '6f1d3c0e-5b7a-4d3e-9c61-2a8e4b1f7d90';
// Another extension the tests install to try to talk to Backstory (tests/fixtures/prober-extension).
const PROBER_DIR = resolve('tests/fixtures/prober-extension');
const PROBER_GECKO_ID = 'prober@backstory-tests';
const PROBER_UUID = '0b9e2f47-3c1d-4a8e-8f5b-7d6c2e1a9f30';

export interface BrowserSpec {
  name: 'Chromium' | 'Firefox ESR';
  product: 'chrome' | 'firefox';
  executable: string;
  installHint: string;
}

export const BROWSERS: BrowserSpec[] = [
  {
    name: 'Chromium',
    product: 'chrome',
    executable: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    installHint: 'sudo apt-get install -y chromium (or set CHROMIUM_PATH)',
  },
  {
    name: 'Firefox ESR',
    product: 'firefox',
    executable: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    installHint: 'sudo apt-get install -y firefox-esr (or set FIREFOX_PATH)',
  },
];

export interface FixtureServer {
  port: number;
  url(path: string): string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export async function startFixtureServer(pagesDir = FIXTURE_PAGES_DIR): Promise<FixtureServer> {
  const root = resolve(pagesDir);
  const server = http.createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the fixture server has no TCP port');
  const { port } = address;
  return {
    port,
    url: (path) => `http://${NEWS_HOST}:${port}${path}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

export interface ExtensionBrowser {
  spec: BrowserSpec;
  browser: Browser;
  extensionId: string;
  /** Errors and warnings the extension's own contexts reported so far. */
  extensionErrors(): Promise<string[]>;
  /**
   * Requests that would leave the browser. Chromium: every URL the background and the
   * extension's pages requested (the protocol lets the test see them). Firefox, which shows no
   * such thing: every request any context of the browser sent out to the network, caught by a
   * sentinel proxy that all of Firefox's traffic goes to (nothing is forwarded).
   */
  backgroundRequests(): string[] | undefined;
  close(): Promise<void>;
}

function assertInstalled(spec: BrowserSpec): void {
  if (!existsSync(spec.executable)) {
    throw new Error(`${spec.name} was not found at ${spec.executable}. Install it with: ${spec.installHint}`);
  }
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  // Without these, Chromium keeps trying to reach Google's hosts, which this network refuses.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--host-resolver-rules=MAP ${NEWS_HOST} 127.0.0.1`,
];

export interface LaunchOptions {
  headless?: boolean;
  /** The browser's interface language (Chromium: the extension's messages follow it). */
  language?: string;
  /** Extra Firefox preferences (a short idle time for the background page, for instance). */
  firefoxPrefs?: Record<string, string | number | boolean>;
}

export async function launchWithExtension(spec: BrowserSpec, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  assertInstalled(spec);
  const headless = options.headless ?? true;
  return spec.product === 'chrome' ? launchChromium(spec, headless, options.language) : launchFirefox(spec, headless, options.firefoxPrefs ?? {});
}

async function launchChromium(spec: BrowserSpec, headless: boolean, language?: string): Promise<ExtensionBrowser> {
  const browser = await puppeteer.launch({
    executablePath: spec.executable,
    headless,
    pipe: true,
    enableExtensions: true,
    args: language ? [...CHROMIUM_ARGS, `--lang=${language}`] : CHROMIUM_ARGS,
    ...(language ? { env: { ...process.env, LANGUAGE: language } } : {}),
    defaultViewport: headless ? { width: 1280, height: 900 } : null,
  });
  const extensionId = await browser.installExtension(resolve('dist/chrome'));
  const worker = await browser.waitForTarget(
    (target) => target.type() === 'service_worker' && target.url().startsWith(`chrome-extension://${extensionId}/`),
  );
  // Runtime.enable replays what the worker logged before we attached, so start-up errors count.
  const session = await worker.createCDPSession();
  const errors: string[] = [];
  session.on('Runtime.exceptionThrown', (event) => {
    errors.push(`background: ${event.exceptionDetails.exception?.description ?? event.exceptionDetails.text}`);
  });
  session.on('Runtime.consoleAPICalled', (event) => {
    if (event.type === 'error' || event.type === 'warning') {
      errors.push(`background console.${event.type}: ${event.args.map((arg) => String(arg.value)).join(' ')}`);
    }
  });
  await session.send('Runtime.enable');
  const requests: string[] = [];
  session.on('Network.requestWillBeSent', (event) => requests.push(event.request.url));
  await session.send('Network.enable');
  // The extension's own pages (popup, options) too: every request they make is recorded.
  const watchPage = (target: Target) => {
    if (target.type() !== 'page') return;
    void target.page().then((page) =>
      page?.on('request', (request) => {
        if (page.url().startsWith(`chrome-extension://${extensionId}/`)) requests.push(request.url());
      }),
    );
  };
  browser.on('targetcreated', watchPage);
  return {
    spec,
    browser,
    extensionId,
    extensionErrors: async () => [...errors],
    backgroundRequests: () => [...requests],
    close: () => browser.close(),
  };
}

/** The host a test may ask for to see that the sentinel proxy catches requests (not counted). */
export const SENTINEL_PROBE_HOST = 'sentinel-probe.invalid';

/**
 * A proxy that forwards nothing: it notes the address of every request sent to it (plain HTTP,
 * HTTPS tunnels and WebSockets) and refuses it. Firefox is set to send all traffic through it,
 * but for the fixture server.
 */
async function startSentinelProxy(): Promise<{ port: number; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(request.url ?? '');
    response.writeHead(403).end();
  });
  server.on('connect', (request: http.IncomingMessage, socket: import('node:net').Socket) => {
    requests.push(`https://${request.url ?? ''}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('upgrade', (request: http.IncomingMessage, socket: import('node:net').Socket) => {
    requests.push(request.url ?? '');
    socket.destroy();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('the sentinel proxy has no port');
  return { port: address.port, requests, close: () => new Promise<void>((done) => server.close(() => done())) };
}

async function launchFirefox(spec: BrowserSpec, headless: boolean, prefs: Record<string, string | number | boolean>): Promise<ExtensionBrowser> {
  const sentinel = await startSentinelProxy();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: spec.executable,
    headless,
    defaultViewport: headless ? { width: 1280, height: 900 } : null,
    // Lets the tests open the extension's own pages (see openExtensionPage): WebDriver BiDi may
    // not navigate a tab to moz-extension://, but the browser's own window may open one.
    args: ['--remote-allow-system-access'],
    // Firefox honours the Remote Settings server preference below only with this set.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      'network.dns.localDomains': NEWS_HOST,
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_GECKO_ID]: FIREFOX_EXTENSION_UUID, [PROBER_GECKO_ID]: PROBER_UUID }),
      // Print the console of extension contexts to the browser's standard output.
      'devtools.console.stdout.content': true,
      // Everything that would leave the machine goes to the sentinel proxy instead.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': sentinel.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': sentinel.port,
      'network.proxy.no_proxies_on': `${NEWS_HOST}, localhost, 127.0.0.1`,
      'network.proxy.allow_hijacking_localhost': false,
      // Firefox's own Remote Settings (blocklists and the like) would be its only traffic:
      // pointed at a closed local port.
      'services.settings.server': 'http://localhost:1/v1',
      ...prefs,
    },
  });
  // Firefox reports uncaught errors of extension pages as "JavaScript error: moz-extension://…",
  // and console.error/warn as "console.error: …"; Backstory prefixes its own with "Backstory".
  const errors: string[] = [];
  const extensionLine = new RegExp(
    `^(JavaScript (error|warning): moz-extension://${FIREFOX_EXTENSION_UUID}/|console\\.(error|warn): "?Backstory)`,
  );
  const output = browser.process()?.stdout;
  let pending = '';
  output?.setEncoding('utf8');
  output?.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    errors.push(...lines.filter((line) => extensionLine.test(line)));
  });
  const extensionId = await browser.installExtension(resolve('dist/firefox'));
  return {
    spec,
    browser,
    extensionId,
    extensionErrors: async () => [...errors],
    backgroundRequests: () => [...sentinel.requests],
    close: async () => {
      await browser.close();
      await sentinel.close();
    },
  };
}

export function extensionPageUrl(session: ExtensionBrowser, path: string): string {
  return session.spec.product === 'chrome'
    ? `chrome-extension://${session.extensionId}/${path}`
    : `moz-extension://${FIREFOX_EXTENSION_UUID}/${path}`;
}

/** Opens the toolbar popup as a user would (Chromium only) and returns its page. */
export async function openToolbarPopup(session: ExtensionBrowser, tab: Page): Promise<Page> {
  const extension = (await session.browser.extensions()).get(session.extensionId);
  if (!extension) throw new Error('the extension is not installed');
  await extension.triggerAction(tab);
  const target = await session.browser.waitForTarget((candidate) =>
    candidate.url() === extensionPageUrl(session, 'popup/popup.html'),
  );
  const popup = await target.asPage();
  if (!popup) throw new Error('the popup target has no page');
  return popup;
}

/**
 * Opens one of the extension's pages in a tab of its own. Chromium navigates there; Firefox's
 * WebDriver BiDi refuses moz-extension:// navigations, so the browser window (chrome scope,
 * allowed by --remote-allow-system-access) opens the tab, and the test gets the newest page.
 */
/**
 * Installs another extension (the prober) and opens its page, which tries every message and
 * the lifeline port on Backstory; returns what each attempt got.
 */
export async function probeFromOtherExtension(session: ExtensionBrowser): Promise<Record<string, string>> {
  const proberId = await session.browser.installExtension(PROBER_DIR);
  const chrome = session.spec.product === 'chrome';
  const target = chrome ? session.extensionId : FIREFOX_GECKO_ID;
  const url = `${chrome ? `chrome-extension://${proberId}` : `moz-extension://${PROBER_UUID}`}/probe.html#${encodeURIComponent(target)}`;
  const page = await openUrlAsBrowser(session, url);
  await page.waitForFunction(() => document.body.dataset.results !== undefined, { timeout: 15_000 });
  const results = JSON.parse((await page.evaluate(() => document.body.dataset.results)) ?? '{}') as Record<string, string>;
  await page.close();
  await session.browser.uninstallExtension(proberId);
  return results;
}

export async function openExtensionPage(session: ExtensionBrowser, path: string): Promise<Page> {
  return openUrlAsBrowser(session, extensionPageUrl(session, path));
}

/** Opens an extension's page: Firefox lets only its own window open moz-extension:// URLs. */
async function openUrlAsBrowser(session: ExtensionBrowser, url: string): Promise<Page> {
  if (session.spec.product === 'chrome') {
    const page = await session.browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }
  const before = new Set(await session.browser.pages());
  // Puppeteer's BiDi browser has the connection, without a public type for it.
  const { connection } = session.browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: unknown }> } };
  const { contexts } = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string }[] };
  const window = contexts[0]?.context;
  if (!window) throw new Error('Firefox has no browser window');
  const open = `gBrowser.selectedTab = gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() })`;
  await connection.send('script.evaluate', { expression: open, target: { context: window }, awaitPromise: false });
  for (let tries = 0; tries < 100; tries++) {
    const page = (await session.browser.pages()).find((candidate) => !before.has(candidate));
    // Puppeteer keeps the new tab's first URL (about:blank); the page itself knows better.
    if (page && (await page.evaluate(() => location.href).catch(() => '')) === url && (await page.evaluate(() => document.readyState)) === 'complete') return page;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`Firefox did not open ${url}`);
}

/**
 * The popup for a tab: in Chromium the real toolbar popup; in Firefox, which cannot open it
 * from a test, the popup page in a tab of its own, pointed at that tab with ?tab=ID.
 */
export async function openPopupFor(session: ExtensionBrowser, tab: Page): Promise<Page> {
  if (session.spec.product === 'chrome') return openToolbarPopup(session, tab);
  const finder = await openExtensionPage(session, 'options/options.html');
  const tabUrl = tab.url();
  const id = await finder.evaluate(async (wanted) => {
    const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).browser;
    return (await api.tabs.query({})).find((candidate) => candidate.url === wanted)?.id;
  }, tabUrl);
  await finder.close();
  if (id === undefined) throw new Error(`no tab shows ${tabUrl}`);
  const popup = await openExtensionPage(session, `popup/popup.html?tab=${id}`);
  await tab.bringToFront();
  return popup;
}

export const SAMPLE_ARTICLE_PATH = '/voa-summit/';

// Marks are StaticRanges (no text, no geometry of their own): the page-side code below makes a
// live Range over each, inline, since functions passed to the page cannot share helpers.

/** The texts of the ranges in each of Backstory's highlights, as the page's main world sees them. */
export function markedTexts(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...CSS.highlights]
        .filter(([name]) => name.startsWith('backstory-'))
        .map(([name, highlight]) => [
          name.slice('backstory-'.length),
          [...highlight].map((mark) => {
            const range = new Range();
            range.setStart(mark.startContainer, mark.startOffset);
            range.setEnd(mark.endContainer, mark.endOffset);
            return range.toString();
          }),
        ]),
    ),
  );
}

/** Waits until a highlight (`place`, `current`...) has a mark that reads `text`. */
export async function waitForMark(page: Page, highlight: string, text: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (name, wanted) =>
      [...(CSS.highlights.get(`backstory-${name}`) ?? [])].some((mark) => {
        const range = new Range();
        range.setStart(mark.startContainer, mark.startOffset);
        range.setEnd(mark.endContainer, mark.endOffset);
        return range.toString() === wanted;
      }),
    { timeout },
    highlight,
    text,
  );
}

/** The viewport rectangle of the first mark whose text is `text`. */
export async function markRect(page: Page, text: string): Promise<{ x: number; y: number; top: number; bottom: number; left: number; right: number }> {
  const rect = await page.evaluate((wanted) => {
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('backstory-')) continue;
      for (const mark of highlight) {
        const range = new Range();
        range.setStart(mark.startContainer, mark.startOffset);
        range.setEnd(mark.endContainer, mark.endOffset);
        if (range.toString() !== wanted) continue;
        const box = range.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2, top: box.top, bottom: box.bottom, left: box.left, right: box.right };
      }
    }
    return null;
  }, text);
  if (!rect) throw new Error(`no mark reads "${text}"`);
  return rect;
}

/** Opens the sample article (or another page) and waits until Backstory has marked people and places in it. */
export async function openMarkedArticle({ session, server }: BrowserUnderTest, path = SAMPLE_ARTICLE_PATH): Promise<Page> {
  const page = await session.browser.newPage();
  await page.goto(server.url(path), { waitUntil: 'load' });
  await page.waitForFunction(() => ['person', 'place'].every((kind) => (CSS.highlights.get(`backstory-${kind}`)?.size ?? 0) > 0));
  return page;
}

export interface BrowserUnderTest {
  readonly server: FixtureServer;
  readonly session: ExtensionBrowser;
}

/**
 * Starts the fixture server and the browser with the extension before the tests of a
 * describe block, and stops both after them.
 */
export function useExtensionBrowser(spec: BrowserSpec, pagesDir?: () => string, launch: LaunchOptions = {}): BrowserUnderTest {
  let server: FixtureServer | undefined;
  let session: ExtensionBrowser | undefined;
  beforeAll(async () => {
    server = await startFixtureServer(pagesDir?.());
    session = await launchWithExtension(spec, launch);
  });
  afterAll(async () => {
    // Over every test of the block: no request from the background or the extension's pages
    // went anywhere but the extension's own files (Chromium), and nothing at all went out to
    // the network (Firefox, through its sentinel proxy).
    const requests = session?.backgroundRequests() ?? [];
    await session?.close();
    await server?.close();
    const outside = requests.filter((url) => !/^(chrome-extension|data|blob):/.test(url) && new URL(url, 'http://x').hostname !== SENTINEL_PROBE_HOST);
    if (outside.length > 0) throw new Error(`the extension made requests outside the browser: ${outside.join(', ')}`);
  });
  return {
    get server() {
      if (!server) throw new Error('the fixture server has not started');
      return server;
    },
    get session() {
      if (!session) throw new Error('the browser has not started');
      return session;
    },
  };
}
