// The toolbar popup: the gist of the active tab's article (headline, date, reading time, key
// points), who and what it names, and the site switch. It reads the tab only now, when the
// reader asks, through reader.js; the entities come from the background's engine.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { summarize } from '../engine/summary.js';
import { textStats } from '../engine/text-stats.js';
import { sendToBackground, sendToTab, type FoundEntitySummary } from '../platform/messages.js';
import { formatDay, formatNumber, t, uiLanguage } from '../platform/i18n.js';
import { activeTab, extensionVersion } from '../platform/runtime.js';
import { startInTab } from '../platform/user-sites.js';
import type { ReadScope, TabReading } from '../reader/reading.js';
import { BrandHeader } from '../ui/brand-header.js';
import { CARD_CSS } from '../ui/card-styles.js';
import { asMarkdown, asPlainText } from './copy.js';
import { OnDeviceSummary } from './on-device-summary.js';
import { isReadableUrl, readTab } from '../platform/tab-reader.js';
import { SiteSwitch } from './site-switch.js';
import { WhoAndWhat } from './who-and-what.js';
import './popup.css';

const DEFAULT_POINTS = 3;
const MORE_POINTS = 2;

type Tab = { tabId: number | undefined; url: string | undefined };
type Entities = { state: 'loading' } | { state: 'ready'; list: FoundEntitySummary[] } | { state: 'failed'; error: string };
type View =
  | { state: 'loading' }
  | ({ state: 'unreadable'; reason: string } & Tab)
  | ({ state: 'read'; reading: TabReading } & Tab);

const prefersDark = () => matchMedia('(prefers-color-scheme: dark)').matches;

/**
 * Makes sure Backstory's marks are on the page, so that "who and what" can point into it; says
 * whether the page was too long to be marked in full.
 */
async function ensureContentScript(tabId: number): Promise<boolean> {
  const status = await sendToTab<'popup-cs:page-status'>(tabId, { type: 'popup-cs:page-status' });
  if (!status.ok) await startInTab(tabId).catch(() => undefined);
  return status.ok && status.value.truncated;
}

async function read(tab: Tab, scope: ReadScope): Promise<View> {
  if (tab.tabId === undefined || !isReadableUrl(tab.url)) return { state: 'unreadable', reason: t('popupUnreadablePage'), ...tab };
  const reading = await readTab(tab.tabId, scope);
  if (!reading.ok) return { state: 'unreadable', reason: t('popupReadFailed', reading.error), ...tab };
  return { state: 'read', reading: reading.value, ...tab };
}

function KeyPoints({ reading, tab, entities }: { reading: TabReading; tab: Tab; entities: FoundEntitySummary[] }) {
  const [count, setCount] = useState(DEFAULT_POINTS);
  const [copied, setCopied] = useState<string | undefined>();
  const points = summarize(reading.body, { k: count, ...(reading.language ? { lang: reading.language } : {}) });
  const canHaveMore = summarize(reading.body, { k: count + 1, ...(reading.language ? { lang: reading.language } : {}) }).length > points.length;
  const copy = async (format: 'text' | 'markdown') => {
    const source = { title: reading.title, date: reading.published, url: tab.url, points, entities };
    try {
      await navigator.clipboard.writeText(format === 'text' ? asPlainText(source) : asMarkdown(source));
      setCopied(t(format === 'text' ? 'popupCopiedText' : 'popupCopiedMarkdown'));
    } catch (error) {
      setCopied(t('popupCopyFailed', error instanceof Error ? error.message : String(error)));
    }
  };
  return (
    <section class="points" aria-labelledby="points-heading">
      <h2 id="points-heading">{t('popupKeyPoints')}</h2>
      {points.length === 0 ? (
        <p class="muted">{t('popupNoSentences')}</p>
      ) : (
        <ol>
          {points.map((point) => (
            <li key={point}>{point}</li>
          ))}
        </ol>
      )}
      <div class="actions">
        {canHaveMore && (
          <button type="button" onClick={() => setCount(count + MORE_POINTS)}>
            {t('popupMorePoints')}
          </button>
        )}
        <button type="button" onClick={() => void copy('text')}>
          {t('popupCopy')}
        </button>
        <button type="button" onClick={() => void copy('markdown')}>
          {t('popupCopyMarkdown')}
        </button>
      </div>
      {copied && (
        <p class="muted" role="status">
          {copied}
        </p>
      )}
      <OnDeviceSummary text={reading.body} />
    </section>
  );
}

function Reading({ reading, tab, onRead }: { reading: TabReading; tab: Tab; onRead: (scope: ReadScope) => void }) {
  const [entities, setEntities] = useState<Entities>({ state: 'loading' });
  useEffect(() => {
    setEntities({ state: 'loading' });
    if (!reading.body) return;
    void sendToBackground<'popup-bg:analyze'>({
      type: 'popup-bg:analyze',
      text: reading.body,
      title: reading.title,
      ...(reading.published ? { date: reading.published } : {}),
      ...(reading.language ? { lang: reading.language } : {}),
    }).then((reply) => setEntities(reply.ok ? { state: 'ready', list: reply.value.entities } : { state: 'failed', error: reply.error }));
  }, [reading]);

  const offerOtherScopes = reading.scope === 'article' && !reading.isArticle;
  const { words, readingMinutes } = textStats(reading.body);
  const date = reading.published ? formatDay(reading.published) : null;
  const list = entities.state === 'ready' ? entities.list : [];
  return (
    <>
      <h1 class="page-title">{reading.title || t('popupUntitled')}</h1>
      <p class="status muted">
        {[date, t('popupWords', formatNumber(words)), t('popupMinutes', formatNumber(readingMinutes))].filter(Boolean).join(' · ')}
        {reading.scope !== 'article' && ` · ${t(reading.scope === 'selection' ? 'popupScopeSelection' : 'popupScopePage')}`}
      </p>
      {offerOtherScopes && (
        <div class="notice" role="status">
          <p>{t('popupNotArticle')}</p>
          <div class="actions">
            {reading.hasSelection && (
              <button type="button" onClick={() => onRead('selection')}>
                {t('popupReadSelection')}
              </button>
            )}
            <button type="button" onClick={() => onRead('page')}>
              {t('popupReadPage')}
            </button>
          </div>
        </div>
      )}
      {!offerOtherScopes && <KeyPoints reading={reading} tab={tab} entities={list} />}
      {!offerOtherScopes && (
        <section class="who-and-what" aria-labelledby="who-heading">
          <h2 id="who-heading">{t('popupWhoAndWhat')}</h2>
          {entities.state === 'loading' && <p class="muted">{t('popupLookingForNames')}</p>}
          {entities.state === 'failed' && <p class="muted">{t('popupNamesFailed', entities.error)}</p>}
          {entities.state === 'ready' && <WhoAndWhat entities={list} tabId={tab.tabId} date={reading.published} dark={prefersDark()} />}
        </section>
      )}
    </>
  );
}

function Popup() {
  const [view, setView] = useState<View>({ state: 'loading' });
  const [tab, setTab] = useState<Tab>({ tabId: undefined, url: undefined });
  const [truncated, setTruncated] = useState(false);
  useEffect(() => {
    void activeTab(location.search).then(({ id, url }) => {
      const current = { tabId: id, url };
      setTab(current);
      if (id !== undefined && isReadableUrl(url)) void ensureContentScript(id).then(setTruncated);
      return read(current, 'article').then(setView);
    });
  }, []);
  const readAgain = (scope: ReadScope) => {
    setView({ state: 'loading' });
    void read(tab, scope).then(setView);
  };

  return (
    <>
      <BrandHeader>
        <span class="muted">{extensionVersion()}</span>
      </BrandHeader>
      <main aria-live="polite" aria-busy={view.state === 'loading'}>
        {view.state === 'loading' && <p class="status muted">{t('popupReading')}</p>}
        {view.state === 'unreadable' && <p class="status">{view.reason}</p>}
        {truncated && (
          <p class="notice" role="status">
            {t('popupTruncated')}
          </p>
        )}
        {view.state === 'read' && <Reading reading={view.reading} tab={tab} onRead={readAgain} />}
        {view.state !== 'loading' && <SiteSwitch url={tab.url} tabId={tab.tabId} />}
      </main>
    </>
  );
}

document.documentElement.lang = uiLanguage();
const sheet = new CSSStyleSheet();
sheet.replaceSync(CARD_CSS);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
const root = document.getElementById('app');
if (root) render(<Popup />, root);
