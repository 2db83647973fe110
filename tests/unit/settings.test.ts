import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/platform/browser.js', () => ({ browser: {} }));
const { DEFAULT_SETTINGS, readSettings } = await import('../../src/platform/settings.js');

describe('reading stored settings', () => {
  it('gives the defaults, silently, when nothing is stored', () => {
    expect(readSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS });
  });

  it('keeps valid settings as they are', () => {
    const stored = { version: 1, mentions: 'first', blockedSites: ['example.com'], allowedSites: [] };
    expect(readSettings(stored)).toEqual({ settings: stored });
  });

  it.each([
    ['a string', 'garbage'],
    ['an unknown value', { version: 1, mentions: 'some' }],
    ['a future version', { version: 99, mentions: 'first' }],
    ['null', null],
  ])('falls back to defaults with a notice when the stored value is %s', (_, stored) => {
    const loaded = readSettings(stored);
    expect(loaded.notice).toMatch(/reset to their defaults/);
    expect(loaded.settings.version).toBe(DEFAULT_SETTINGS.version);
  });

  it('keeps the fields that are still good', () => {
    expect(readSettings({ version: 0, mentions: 'first' }).settings.mentions).toBe('first');
  });
});
