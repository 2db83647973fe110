// The toolbar popup: what Backstory sees on the active tab.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { sendToTab, type PageStatus } from '../platform/messages.js';
import { activeTab, extensionVersion } from '../platform/runtime.js';
import { SiteSwitch } from './site-switch.js';
import { BrandHeader } from '../ui/brand-header.js';
import './popup.css';

type Tab = { tabId: number | undefined; url: string | undefined };
type View = { state: 'loading' } | ({ state: 'off' } & Tab) | ({ state: 'on'; page: PageStatus } & Tab);

async function loadView(): Promise<View> {
  const { id: tabId, url } = await activeTab();
  if (tabId === undefined) return { state: 'off', tabId, url };
  const status = await sendToTab<'popup-cs:page-status'>(tabId, { type: 'popup-cs:page-status' });
  return status.ok ? { state: 'on', page: status.value, tabId, url } : { state: 'off', tabId, url };
}

function Popup() {
  const [view, setView] = useState<View>({ state: 'loading' });
  useEffect(() => {
    void loadView().then(setView);
  }, []);

  return (
    <>
      <BrandHeader>
        <span class="muted">{extensionVersion()}</span>
      </BrandHeader>
      <main aria-live="polite">
        {view.state === 'loading' && <p class="status muted">Reading this page…</p>}
        {view.state === 'off' && <p class="status">Backstory is not running on this page.</p>}
        {view.state === 'on' && (
          <>
            <h1 class="page-title">{view.page.title}</h1>
            <p class="status muted">
              {new Intl.NumberFormat().format(view.page.words)} words · {view.page.readingMinutes} min read
            </p>
          </>
        )}
        {view.state !== 'loading' && <SiteSwitch url={view.url} tabId={view.tabId} />}
      </main>
    </>
  );
}

const root = document.getElementById('app');
if (root) render(<Popup />, root);
