// A content script learns that its extension is gone (updated, reloaded, disabled) when its
// port to the background disconnects and the runtime no longer answers to its id. Chrome
// leaves such scripts running in open tabs; they must take themselves down.
import { browser, type Runtime } from './browser.js';
import { isOwnContentScript } from './messages.js';
import { isExtensionAlive } from './runtime.js';

const LIFELINE_PORT = 'backstory-lifeline';
/** When to look whether the extension is still there after the port closed. */
const ORPHAN_CHECKS_MS = [0, 250, 1_000, 3_000];

/**
 * Holds a port to the background and calls `onGone` once the extension is gone. A port that
 * closes while the extension lives (the service worker went idle) is reopened only when
 * `touch()` is next called, on the reader's next interaction, so that idle tabs do not keep
 * waking the background.
 */
export function holdLifeline(onGone: () => void, signal: AbortSignal): { touch(): void } {
  let port: Runtime.Port | undefined;
  const gone = () => {
    if (!signal.aborted) onGone();
  };
  const connect = () => {
    if (signal.aborted || port) return;
    if (!isExtensionAlive()) return gone();
    try {
      port = browser.runtime.connect({ name: LIFELINE_PORT });
    } catch {
      return gone();
    }
    port.onDisconnect.addListener(() => {
      port = undefined;
      // An orphaned script learns it only a moment later: Chrome clears runtime.id after the
      // port has closed. A live extension has merely let its service worker sleep; the port is
      // reopened on the reader's next interaction, not now.
      for (const delay of ORPHAN_CHECKS_MS) setTimeout(() => isExtensionAlive() || gone(), delay);
    });
  };
  signal.addEventListener('abort', () => port?.disconnect(), { once: true });
  connect();
  return { touch: connect };
}

/** The background's end: keeps lifelines from this extension's content scripts open. */
export function acceptLifelines(signal: AbortSignal): void {
  const listener = (port: Runtime.Port) => {
    if (port.name === LIFELINE_PORT && port.sender && isOwnContentScript(port.sender)) return;
    if (port.name === LIFELINE_PORT) port.disconnect();
  };
  browser.runtime.onConnect.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onConnect.removeListener(listener), { once: true });
}

/** Calls `onCommand` with the name of each keyboard command (the commands API). */
export function onKeyboardCommand(onCommand: (name: string) => void, signal: AbortSignal): void {
  const listener = (name: string) => onCommand(name);
  browser.commands.onCommand.addListener(listener);
  signal.addEventListener('abort', () => browser.commands.onCommand.removeListener(listener), { once: true });
}
