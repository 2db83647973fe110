// The content script: runs in news pages. It introduces itself to the background, then sets up
// what it owns in the page. Everything it adds hangs on one AbortSignal so that it can be taken
// down in one step.
import { serve, sendToBackground } from '../platform/messages.js';
import { registerHighlights } from './highlight-painter.js';
import { pageStatus } from './page-status.js';

async function start(signal: AbortSignal): Promise<void> {
  const hello = await sendToBackground<'cs-bg:hello'>({ type: 'cs-bg:hello', url: location.href });
  if (!hello.ok) {
    console.warn(`Backstory: the extension did not answer (${hello.error}); nothing is marked.`);
    return;
  }
  registerHighlights(signal);
  serve({ 'popup-cs:page-status': () => pageStatus(document) }, signal);
}

const lifetime = new AbortController();
void start(lifetime.signal);
