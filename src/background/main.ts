// The background context: a service worker in Chrome, an event page in Firefox. Listeners are
// registered synchronously at the top level so that a message wakes the worker and finds them.
import { serve } from '../platform/messages.js';
import { extensionVersion } from '../platform/runtime.js';

// The background lives as long as the extension does; nothing ever aborts this.
const lifetime = new AbortController();

serve(
  {
    'cs-bg:hello': () => ({ version: extensionVersion() }),
  },
  lifetime.signal,
);
