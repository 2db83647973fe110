import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/platform/browser.js', () => ({ browser: {} }));
const { DEFAULT_SETTINGS, readSettings } = await import('../../src/platform/settings.js');

describe('reading stored settings', () => {
  it('gives the defaults, silently, when nothing is stored', () => {
    expect(readSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS });
  });

  it('keeps valid settings as they are', () => {
    const stored = { ...DEFAULT_SETTINGS, mentions: 'first', markStyle: 'tint', hoverDelayMs: 400, kinds: { ...DEFAULT_SETTINGS.kinds, other: false }, blockedSites: ['example.com'] };
    expect(readSettings(stored)).toEqual({ settings: stored });
  });

  it('migrates version 1 settings quietly, keeping what the reader chose', () => {
    const loaded = readSettings({ version: 1, mentions: 'first', blockedSites: ['bbc.com'], allowedSites: ['example.org'] });
    expect(loaded.notice).toBeUndefined();
    expect(loaded.settings).toEqual({ ...DEFAULT_SETTINGS, mentions: 'first', blockedSites: ['bbc.com'], allowedSites: ['example.org'] });
  });

  it.each([
    ['a string', 'garbage'],
    ['an array', ['settings']],
    ['an unknown value', { version: 2, mentions: 'some' }],
    ['a hover delay out of range', { ...DEFAULT_SETTINGS, hoverDelayMs: -5 }],
    ['a future version', { version: 99, mentions: 'first' }],
    ['null', null],
  ])('falls back to defaults with a notice when the stored value is %s', (_, stored) => {
    const loaded = readSettings(stored);
    expect(loaded.notice).toMatch(/reset to their defaults/);
    expect(loaded.settings.version).toBe(DEFAULT_SETTINGS.version);
  });

  it('keeps the fields that are still good', () => {
    const loaded = readSettings({ ...DEFAULT_SETTINGS, mentions: 'first', kinds: 'all of them', card: { map: false, facts: true } });
    expect(loaded.settings.mentions).toBe('first');
    expect(loaded.settings.card).toEqual({ map: false, facts: true });
    expect(loaded.settings.kinds).toEqual(DEFAULT_SETTINGS.kinds);
    expect(loaded.notice).toBeDefined();
  });

  it('does not let a stored __proto__ key reach the settings', () => {
    const stored = JSON.parse('{"version":2,"__proto__":{"enabled":false},"mentions":"first"}');
    const loaded = readSettings(stored);
    expect(loaded.settings.enabled).toBe(true);
    expect(Object.getPrototypeOf(loaded.settings)).toBe(Object.prototype);
  });
});
