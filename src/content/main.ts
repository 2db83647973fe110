// The content script: runs in news pages. It introduces itself to the background, then marks
// the article. Everything it adds hangs on one AbortSignal, so that it can take itself down in
// one step when the extension is updated, reloaded or disabled.
import { holdLifeline } from '../platform/lifeline.js';
import { sendToBackground, serve } from '../platform/messages.js';
import { PageSession } from './page-session.js';
import { pageStatus } from './page-status.js';

async function start(lifetime: AbortController): Promise<void> {
  const signal = lifetime.signal;
  const hello = await sendToBackground<'cs-bg:hello'>({ type: 'cs-bg:hello', url: location.href });
  if (!hello.ok) {
    console.warn(`Backstory: the extension did not answer (${hello.error}); nothing is marked.`);
    return;
  }
  const lifeline = holdLifeline(() => lifetime.abort(), signal);
  const session = new PageSession(document, signal, () => lifeline.touch());
  serve(
    {
      'popup-cs:page-status': () => pageStatus(document, session.truncated),
      'bg-cs:next-mark': () => ({ opened: session.nextMarkFromCommand() }),
      'popup-cs:reveal': ({ id }) => ({ found: session.reveal(id) }),
      'bg-cs:explain': ({ selection, id }) => ({ shown: session.explain(selection, id) }),
    },
    signal,
  );
  await session.start();
}

const lifetime = new AbortController();
void start(lifetime).catch((error: unknown) => {
  // Never let an error escape into the page; take everything down instead.
  console.warn('Backstory stopped on this page:', error);
  lifetime.abort();
});
