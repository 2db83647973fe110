// The content script: runs in news pages and marks the article. Everything it adds hangs on one
// AbortSignal, so that it can take itself down in one step when the extension is updated,
// reloaded or disabled. It sends nothing before it has an article to analyse: each message
// costs the page's main thread, and the analysis itself tells whether the background answers.
import { holdLifeline } from '../platform/lifeline.js';
import { serve } from '../platform/messages.js';
import { PageSession } from './page-session.js';
import { pageStatus } from './page-status.js';

async function start(lifetime: AbortController): Promise<void> {
  const signal = lifetime.signal;
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
