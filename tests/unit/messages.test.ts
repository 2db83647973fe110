// The message protocol, against a stand-in for the extension runtime.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime, Tabs } from 'webextension-polyfill';

type Listener = (message: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined;

const runtime = vi.hoisted(() => {
  const listeners = new Set<Listener>();
  return {
    listeners,
    sendMessage: vi.fn<(message: unknown) => Promise<unknown>>(),
    browser: {
      runtime: {
        id: 'backstory-test-id',
        getURL: (path: string) => `chrome-extension://backstory-test-id${path}`,
        getManifest: () => ({ version: '9.9.9' }),
        onMessage: {
          addListener: (listener: Listener) => listeners.add(listener),
          removeListener: (listener: Listener) => listeners.delete(listener),
        },
        sendMessage: (message: unknown) => runtime.sendMessage(message),
      },
    },
  };
});
vi.mock('../../src/platform/browser.js', () => ({ browser: runtime.browser }));

const { serve, sendToBackground } = await import('../../src/platform/messages.js');

const tab: Tabs.Tab = { id: 7, index: 0, highlighted: true, active: true, pinned: false, incognito: false };
const contentScript: Runtime.MessageSender = { id: 'backstory-test-id', url: 'https://www.voanews.com/a/1', tab };
const popupPage: Runtime.MessageSender = { id: 'backstory-test-id', url: 'chrome-extension://backstory-test-id/popup/popup.html' };
const otherExtension: Runtime.MessageSender = { id: 'someone-else', url: 'https://www.voanews.com/a/1', tab };

/** Delivers a message as the runtime would: the first listener that answers wins. */
async function deliver(message: unknown, sender: Runtime.MessageSender): Promise<unknown> {
  for (const listener of runtime.listeners) {
    const reply = listener(message, sender);
    if (reply !== undefined) return reply;
  }
  return undefined;
}

describe('serve', () => {
  let lifetime: AbortController;
  beforeEach(() => {
    runtime.listeners.clear();
    lifetime = new AbortController();
    serve({ 'cs-bg:hello': (request) => ({ version: `seen ${request.url}` }) }, lifetime.signal);
  });

  it('answers a well-formed message from its own content script', async () => {
    const hello = { type: 'cs-bg:hello', url: 'https://www.voanews.com/a/1' };
    expect(await deliver(hello, contentScript)).toEqual({ ok: true, value: { version: 'seen https://www.voanews.com/a/1' } });
  });

  it('refuses a content-script message that comes from an extension page', async () => {
    expect(await deliver({ type: 'cs-bg:hello', url: 'x' }, popupPage)).toEqual({
      ok: false,
      error: 'cs-bg:hello refused from this sender',
    });
  });

  it('refuses a message from another extension', async () => {
    expect(await deliver({ type: 'cs-bg:hello', url: 'x' }, otherExtension)).toMatchObject({ ok: false });
  });

  it.each([
    ['a missing field', { type: 'cs-bg:hello' }],
    ['a field of the wrong type', { type: 'cs-bg:hello', url: 42 }],
    ['an oversized field', { type: 'cs-bg:hello', url: 'x'.repeat(10_000) }],
  ])('refuses a message with %s, naming the problem', async (_, message) => {
    const reply = await deliver(message, contentScript);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^malformed cs-bg:hello: .*url/) });
  });

  it('leaves messages it does not handle to other listeners', async () => {
    expect(await deliver({ type: 'popup-cs:page-status' }, popupPage)).toBeUndefined();
    expect(await deliver('not even an object', contentScript)).toBeUndefined();
    expect(await deliver({ type: '__proto__' }, contentScript)).toBeUndefined();
  });

  it('stops answering once its signal aborts', async () => {
    lifetime.abort();
    expect(await deliver({ type: 'cs-bg:hello', url: 'x' }, contentScript)).toBeUndefined();
  });

  it('turns a handler failure into an error result instead of an exception', async () => {
    runtime.listeners.clear();
    serve(
      {
        'cs-bg:hello': () => {
          throw new Error('knowledge file is corrupt');
        },
      },
      new AbortController().signal,
    );
    expect(await deliver({ type: 'cs-bg:hello', url: 'x' }, contentScript)).toEqual({
      ok: false,
      error: 'knowledge file is corrupt',
    });
  });
});

describe('sendToBackground', () => {
  const hello = { type: 'cs-bg:hello', url: 'https://www.voanews.com/a/1' } as const;

  it('passes on a well-formed reply', async () => {
    runtime.sendMessage.mockResolvedValueOnce({ ok: true, value: { version: '1.0.0' } });
    expect(await sendToBackground(hello)).toEqual({ ok: true, value: { version: '1.0.0' } });
  });

  it('reports a reply of the wrong shape as a failure', async () => {
    runtime.sendMessage.mockResolvedValueOnce({ ok: true, value: { version: 1 } });
    expect(await sendToBackground(hello)).toMatchObject({ ok: false, error: expect.stringMatching(/^malformed reply to cs-bg:hello/) });
  });

  it('reports silence and a broken connection as failures', async () => {
    runtime.sendMessage.mockResolvedValueOnce(undefined);
    expect(await sendToBackground(hello)).toEqual({ ok: false, error: 'nobody answered cs-bg:hello' });
    runtime.sendMessage.mockRejectedValueOnce(new Error('Extension context invalidated.'));
    expect(await sendToBackground(hello)).toEqual({ ok: false, error: 'Extension context invalidated.' });
  });
});
