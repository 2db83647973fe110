// The reader's settings, in storage.sync: one versioned object whose defaults live here. A
// stored value that is corrupt or unknown falls back to its default, never to a crash.
import * as v from 'valibot';
import { browser, type Storage } from './browser.js';

const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 2;

const Host = v.pipe(v.string(), v.maxLength(253), v.regex(/^[a-z0-9.-]+$/));
const Hosts = v.pipe(v.array(Host), v.maxLength(1_000));
export const HOVER_DELAY_LIMITS_MS = { min: 0, max: 2_000 } as const;

// Every field with its schema; readSettings checks them one by one, so that one bad field costs
// only itself.
const FIELDS = {
  version: v.literal(SETTINGS_VERSION),
  /** Backstory on or off everywhere. */
  enabled: v.boolean(),
  /** Which kinds of names are marked. */
  kinds: v.object({ person: v.boolean(), place: v.boolean(), organization: v.boolean(), event: v.boolean(), other: v.boolean() }),
  /** Mark every mention of a name, or only its first. */
  mentions: v.picklist(['all', 'first']),
  /** How marks look: underlined, tinted, or not shown until the pointer rests on a name. */
  markStyle: v.picklist(['underline', 'tint', 'hover']),
  /** How long the pointer rests on a name before its card opens. */
  hoverDelayMs: v.pipe(v.number(), v.integer(), v.minValue(HOVER_DELAY_LIMITS_MS.min), v.maxValue(HOVER_DELAY_LIMITS_MS.max)),
  /** What cards show besides the name and description. */
  card: v.object({ map: v.boolean(), facts: v.boolean() }),
  /** Sites of the default list the reader turned Backstory off for. */
  blockedSites: Hosts,
  /** Sites outside the default list the reader turned Backstory on for. */
  allowedSites: Hosts,
};
const Settings = v.object(FIELDS);
export type Settings = v.InferOutput<typeof Settings>;
export type MarkStyle = Settings['markStyle'];

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  enabled: true,
  kinds: { person: true, place: true, organization: true, event: true, other: true },
  mentions: 'all',
  markStyle: 'underline',
  // Resting this long on a name opens its card, as Wikipedia's page previews do.
  hoverDelayMs: 150,
  card: { map: true, facts: true },
  blockedSites: [],
  allowedSites: [],
};

/**
 * Migrations, in order: entry i turns a stored object of version i + 1 into version i + 2.
 * Fields a migration does not know are left for readSettings to check or default.
 */
const MIGRATIONS: ((stored: Record<string, unknown>) => Record<string, unknown>)[] = [
  // 1 -> 2: on/off, kinds, mark style, hover delay and card content arrive with their defaults.
  (stored) => ({ ...stored, version: 2 }),
];

function migrate(stored: Record<string, unknown>): Record<string, unknown> {
  let current = stored;
  for (let version = Number(current.version); Number.isInteger(version) && version >= 1 && version < SETTINGS_VERSION; version++) {
    const step = MIGRATIONS[version - 1];
    if (!step) break;
    current = step(current);
  }
  return current;
}

export interface LoadedSettings {
  settings: Settings;
  /** Set when the stored settings could not be read and defaults stand in: say so to the reader. */
  notice?: string;
}

const NOTICE = 'Some of your Backstory settings could not be read and were reset to their defaults.';

/** Stored settings, migrated; each field that fits is kept, each that does not falls back to its default. */
export function readSettings(stored: unknown): LoadedSettings {
  if (stored === undefined) return { settings: DEFAULT_SETTINGS };
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return { settings: DEFAULT_SETTINGS, notice: NOTICE };
  const record = migrate({ ...(stored as Record<string, unknown>) });
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  let lost = false;
  for (const key of Object.keys(FIELDS) as (keyof typeof FIELDS)[]) {
    const present = Object.hasOwn(record, key);
    const field = v.safeParse(FIELDS[key], present ? record[key] : undefined);
    if (field.success) settings[key] = field.output;
    // A field that an older version did not have takes its default quietly.
    else if (present || key === 'version') lost = true;
  }
  return lost ? { settings: settings as Settings, notice: NOTICE } : { settings: settings as Settings };
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
