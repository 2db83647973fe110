// The message protocol, against a stand-in for the extension runtime.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime, Tabs } from 'webextension-polyfill';

type Listener = (message: unknown, sender: Runtime.MessageSender, sendResponse: (reply: unknown) => void) => true | undefined;

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
    let answer: (reply: unknown) => void = () => undefined;
    const reply = new Promise((resolve) => (answer = resolve));
    if (listener(message, sender, answer) === true) return reply;
  }
  return undefined;
}

describe('serve', () => {
  let lifetime: AbortController;
  beforeEach(() => {
    runtime.listeners.clear();
    lifetime = new AbortController();
    serve({ 'cs-bg:add-to-pack': (request) => ({ opened: request.name === 'Zorblax Institute' }) }, lifetime.signal);
  });

  it('answers a well-formed message from its own content script', async () => {
    const add = { type: 'cs-bg:add-to-pack', name: 'Zorblax Institute' };
    expect(await deliver(add, contentScript)).toEqual({ ok: true, value: { opened: true } });
  });

  it('refuses a content-script message that comes from an extension page', async () => {
    expect(await deliver({ type: 'cs-bg:add-to-pack', name: 'x' }, popupPage)).toEqual({
      ok: false,
      error: 'cs-bg:add-to-pack refused from this sender',
    });
  });

  it('refuses a message from another extension', async () => {
    expect(await deliver({ type: 'cs-bg:add-to-pack', name: 'x' }, otherExtension)).toMatchObject({ ok: false });
  });

  it.each([
    ['a missing field', { type: 'cs-bg:add-to-pack' }],
    ['a field of the wrong type', { type: 'cs-bg:add-to-pack', name: 42 }],
    ['an oversized field', { type: 'cs-bg:add-to-pack', name: 'x'.repeat(10_000) }],
  ])('refuses a message with %s, naming the problem', async (_, message) => {
    const reply = await deliver(message, contentScript);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^malformed cs-bg:add-to-pack: .*name/) });
  });

  it('leaves messages it does not handle to other listeners', async () => {
    expect(await deliver({ type: 'popup-cs:page-status' }, popupPage)).toBeUndefined();
    expect(await deliver('not even an object', contentScript)).toBeUndefined();
    expect(await deliver({ type: '__proto__' }, contentScript)).toBeUndefined();
  });

  it('stops answering once its signal aborts', async () => {
    lifetime.abort();
    expect(await deliver({ type: 'cs-bg:add-to-pack', name: 'x' }, contentScript)).toBeUndefined();
  });

  it('turns a handler failure into an error result instead of an exception', async () => {
    runtime.listeners.clear();
    serve(
      {
        'cs-bg:add-to-pack': () => {
          throw new Error('knowledge file is corrupt');
        },
      },
      new AbortController().signal,
    );
    expect(await deliver({ type: 'cs-bg:add-to-pack', name: 'x' }, contentScript)).toEqual({
      ok: false,
      error: 'knowledge file is corrupt',
    });
  });
});

describe('sendToBackground', () => {
  const add = { type: 'cs-bg:add-to-pack', name: 'Zorblax Institute' } as const;

  it('passes on a well-formed reply', async () => {
    runtime.sendMessage.mockResolvedValueOnce({ ok: true, value: { opened: true } });
    expect(await sendToBackground(add)).toEqual({ ok: true, value: { opened: true } });
  });

  it('reports a reply of the wrong shape as a failure', async () => {
    runtime.sendMessage.mockResolvedValueOnce({ ok: true, value: { opened: 'yes' } });
    expect(await sendToBackground(add)).toMatchObject({ ok: false, error: expect.stringMatching(/^malformed reply to cs-bg:add-to-pack/) });
  });

  it('checks the offsets of an analysis: whole numbers, each span forward', async () => {
    const analyze = { type: 'cs-bg:analyze', text: 'Kim met Moon.', title: 'Summit' } as const;
    const reply = (mentions: unknown) => ({ ok: true, value: { entities: [{ id: 'moon-jae-in', kind: 'person', name: 'Moon Jae-in', salience: 1, mentions }] } });
    runtime.sendMessage.mockResolvedValueOnce(reply([[8, 12]]));
    expect(await sendToBackground(analyze)).toMatchObject({ ok: true, value: { entities: [{ mentions: [[8, 12]] }] } });
    for (const bad of [[[12, 8]], [[1.5, 4]], [[-1, 4]], [[8, 12, 3]], [['8', 12]], 'all of them', new Array(50_001).fill([0, 1])]) {
      runtime.sendMessage.mockResolvedValueOnce(reply(bad));
      expect(await sendToBackground(analyze)).toMatchObject({ ok: false, error: expect.stringMatching(/^malformed reply to cs-bg:analyze: value\.entities\.0\.mentions: a list of at most 50000/) });
    }
  });

  it('reports silence and a broken connection as failures', async () => {
    runtime.sendMessage.mockResolvedValueOnce(undefined);
    expect(await sendToBackground(add)).toEqual({ ok: false, error: 'nobody answered cs-bg:add-to-pack' });
    runtime.sendMessage.mockRejectedValueOnce(new Error('Extension context invalidated.'));
    expect(await sendToBackground(add)).toEqual({ ok: false, error: 'Extension context invalidated.' });
  });
});
