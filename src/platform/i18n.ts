// Every string of the interface comes from _locales/<language>/messages.json through
// browser.i18n, in the browser's interface language; dates and numbers are formatted with Intl
// in that same language. English is the default locale and the fallback for a missing message.
import type messages from '../../_locales/en/messages.json';

interface I18nApi {
  getMessage(key: string, substitutions?: string[]): string;
  getUILanguage(): string;
}

// browser.i18n is synchronous and the same in both browsers (Firefox has chrome.* too), so this
// module goes without the polyfill: card-ui.js, which the content script loads on demand, uses
// it and stays small.
function i18n(): I18nApi {
  return (globalThis as unknown as { chrome: { i18n: I18nApi } }).chrome.i18n;
}

export type MessageKey = keyof typeof messages;

/** A message with its $1…$9 placeholders filled. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return i18n().getMessage(key, substitutions.map(String)) || key;
}

/**
 * The interface language, for Intl: the locale the messages come from ("ko", "uk", "en"), which
 * each messages.json names; the browser's own UI language can differ from it.
 */
export function uiLanguage(): string {
  return i18n().getMessage('locale') || i18n().getUILanguage();
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(uiLanguage()).format(value);
}

/** A YYYY-MM-DD day as the interface language writes it. */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1));
}
