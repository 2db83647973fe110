// The reader's settings, in storage.sync: one versioned object whose defaults live here. A
// stored value that is corrupt or unknown falls back to its default, never to a crash.
import * as v from 'valibot';
import { browser, type Storage } from './browser.js';

const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 1;

const Host = v.pipe(v.string(), v.maxLength(253), v.regex(/^[a-z0-9.-]+$/));
const Hosts = v.pipe(v.array(Host), v.maxLength(1_000));

const Settings = v.object({
  version: v.literal(SETTINGS_VERSION),
  /** Mark every mention of a name, or only its first. */
  mentions: v.picklist(['all', 'first']),
  /** Sites of the default list the reader turned Backstory off for. */
  blockedSites: Hosts,
  /** Sites outside the default list the reader turned Backstory on for. */
  allowedSites: Hosts,
});
export type Settings = v.InferOutput<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = { version: SETTINGS_VERSION, mentions: 'all', blockedSites: [], allowedSites: [] };

export interface LoadedSettings {
  settings: Settings;
  /** Set when the stored settings could not be read and defaults stand in: say so to the reader. */
  notice?: string;
}

/** Each stored field that fits is kept; each that does not falls back to its default. */
export function readSettings(stored: unknown): LoadedSettings {
  if (stored === undefined) return { settings: DEFAULT_SETTINGS };
  const whole = v.safeParse(Settings, stored);
  if (whole.success) return { settings: whole.output };
  const record = typeof stored === 'object' && stored !== null ? stored : {};
  const mentions = v.safeParse(Settings.entries.mentions, Reflect.get(record, 'mentions'));
  const blockedSites = v.safeParse(Hosts, Reflect.get(record, 'blockedSites'));
  const allowedSites = v.safeParse(Hosts, Reflect.get(record, 'allowedSites'));
  return {
    settings: {
      ...DEFAULT_SETTINGS,
      ...(mentions.success ? { mentions: mentions.output } : {}),
      ...(blockedSites.success ? { blockedSites: blockedSites.output } : {}),
      ...(allowedSites.success ? { allowedSites: allowedSites.output } : {}),
    },
    notice: 'Some of your Backstory settings could not be read and were reset to their defaults.',
  };
}

export async function loadSettings(): Promise<LoadedSettings> {
  try {
    const stored = await browser.storage.sync.get(SETTINGS_KEY);
    return readSettings(stored[SETTINGS_KEY]);
  } catch (error) {
    return { settings: DEFAULT_SETTINGS, notice: `Backstory's settings could not be read (${error instanceof Error ? error.message : String(error)}).` };
  }
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.sync.set({ [SETTINGS_KEY]: v.parse(Settings, settings) });
}

/** Calls `onChange` with the new settings whenever they change (in any context). */
export function watchSettings(onChange: (loaded: LoadedSettings) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, Storage.StorageChange>, area: string) => {
    const change = changes[SETTINGS_KEY];
    if (area === 'sync' && change) onChange(readSettings(change.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}


/** The site a page belongs to, as the site lists store it. */
export function siteOf(url: string): string | undefined {
  try {
    const { hostname, protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? hostname.replace(/^www\./, '').toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a host is the site or one of its subdomains. */
export function hostIsIn(host: string, sites: readonly string[]): boolean {
  return sites.some((site) => host === site || host.endsWith(`.${site}`));
}
