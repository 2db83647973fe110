// The options page: every setting applies at once to open tabs (they watch storage), the site
// lists, knowledge packs, the keyboard shortcut and where the knowledge comes from.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { SOURCE_CREDITS } from '../knowledge/credits.js';
import { ENTITY_KINDS, type EntityKind } from '../knowledge/kinds.js';
import { t, uiLanguage, type MessageKey } from '../platform/i18n.js';
import { defaultSiteHosts, extensionVersion, keyboardShortcut } from '../platform/runtime.js';
import { DEFAULT_SETTINGS, HOVER_DELAY_LIMITS_MS, loadSettings, saveSettings, watchSettings, type Settings } from '../platform/settings.js';
import { releaseSite } from '../platform/user-sites.js';
import { BrandHeader } from '../ui/brand-header.js';
import { Packs } from './packs.js';
import { useStored } from './use-stored.js';
import './options.css';

const KIND_LABELS: Record<EntityKind, MessageKey> = {
  person: 'kindPeople',
  place: 'kindPlaces',
  organization: 'kindOrganizations',
  event: 'kindEvents',
  other: 'kindOther',
};

type Save = (change: Partial<Settings>) => void;

function useSettings(): { settings: Settings; notice: string | undefined; save: Save } {
  const { value: settings, setValue: setSettings, notice, setNotice } = useStored(
    DEFAULT_SETTINGS,
    () => loadSettings().then((loaded) => ({ value: loaded.settings, unreadable: loaded.notice !== undefined })),
    (onChange, signal) => watchSettings((loaded) => onChange(loaded.settings), signal),
    t('settingsResetNotice'),
  );
  const save: Save = (change) => {
    const next = { ...settings, ...change };
    setSettings(next);
    void saveSettings(next).catch((error: unknown) => setNotice(t('couldNotSave', error instanceof Error ? error.message : String(error))));
  };
  return { settings, notice, save };
}

function Choice<T extends string>({ name, value, current, label, onChoose }: { name: string; value: T; current: T; label: string; onChoose: (value: T) => void }) {
  return (
    <label>
      <input type="radio" name={name} value={value} checked={current === value} onChange={() => onChoose(value)} /> {label}
    </label>
  );
}

function Marks({ settings, save }: { settings: Settings; save: Save }) {
  return (
    <>
      <fieldset class="setting">
        <legend>{t('optionsKindsLegend')}</legend>
        {ENTITY_KINDS.map((kind) => (
          <label key={kind}>
            <input
              type="checkbox"
              name={`kind-${kind}`}
              checked={settings.kinds[kind]}
              onChange={(event) => save({ kinds: { ...settings.kinds, [kind]: event.currentTarget.checked } })}
            />{' '}
            {t(KIND_LABELS[kind])}
          </label>
        ))}
      </fieldset>
      <fieldset class="setting">
        <legend>{t('optionsMentionsLegend')}</legend>
        <Choice name="mentions" value="all" current={settings.mentions} label={t('optionsMentionsAll')} onChoose={(mentions) => save({ mentions })} />
        <Choice name="mentions" value="first" current={settings.mentions} label={t('optionsMentionsFirst')} onChoose={(mentions) => save({ mentions })} />
      </fieldset>
      <fieldset class="setting">
        <legend>{t('optionsStyleLegend')}</legend>
        <Choice name="markStyle" value="underline" current={settings.markStyle} label={t('optionsStyleUnderline')} onChoose={(markStyle) => save({ markStyle })} />
        <Choice name="markStyle" value="tint" current={settings.markStyle} label={t('optionsStyleTint')} onChoose={(markStyle) => save({ markStyle })} />
        <Choice name="markStyle" value="hover" current={settings.markStyle} label={t('optionsStyleHover')} onChoose={(markStyle) => save({ markStyle })} />
      </fieldset>
      <fieldset class="setting">
        <legend>{t('optionsDelayLegend')}</legend>
        <label>
          <input
            type="range"
            name="hoverDelayMs"
            min={HOVER_DELAY_LIMITS_MS.min}
            max={1_000}
            step={50}
            value={settings.hoverDelayMs}
            onChange={(event) => save({ hoverDelayMs: Number(event.currentTarget.value) })}
          />{' '}
          <output>{t('optionsDelayValue', settings.hoverDelayMs)}</output>
        </label>
      </fieldset>
    </>
  );
}

function Cards({ settings, save }: { settings: Settings; save: Save }) {
  return (
    <fieldset class="setting">
      <legend>{t('optionsCardLegend')}</legend>
      <label>
        <input type="checkbox" name="card-map" checked={settings.card.map} onChange={(event) => save({ card: { ...settings.card, map: event.currentTarget.checked } })} />{' '}
        {t('optionsCardMap')}
      </label>
      <label>
        <input type="checkbox" name="card-facts" checked={settings.card.facts} onChange={(event) => save({ card: { ...settings.card, facts: event.currentTarget.checked } })} />{' '}
        {t('optionsCardFacts')}
      </label>
    </fieldset>
  );
}

function SiteList({ title, sites, onRemove }: { title: string; sites: readonly string[]; onRemove: (site: string) => void }) {
  return (
    <>
      <h3>{title}</h3>
      {sites.length === 0 ? (
        <p class="muted">{t('optionsSitesNone')}</p>
      ) : (
        <ul class="user-sites">
          {sites.map((site) => (
            <li key={site}>
              {site}{' '}
              <button type="button" onClick={() => onRemove(site)} aria-label={t('optionsSitesRemoveLabel', site)}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Sites({ settings, save }: { settings: Settings; save: Save }) {
  const hosts = defaultSiteHosts();
  return (
    <>
      <p class="muted">{t('optionsSitesIntro', hosts.length)}</p>
      <details>
        <summary>{t('optionsSitesDefault', hosts.length)}</summary>
        <ul class="sites">
          {hosts.map((host) => (
            <li key={host}>{host}</li>
          ))}
        </ul>
      </details>
      <SiteList title={t('optionsSitesAllowed')} sites={settings.allowedSites} onRemove={(site) => {
        save({ allowedSites: settings.allowedSites.filter((allowed) => allowed !== site) });
        void releaseSite(site).catch(() => undefined);
      }} />
      <SiteList title={t('optionsSitesBlocked')} sites={settings.blockedSites} onRemove={(site) => save({ blockedSites: settings.blockedSites.filter((blocked) => blocked !== site) })} />
    </>
  );
}

function Shortcut() {
  const [shortcut, setShortcut] = useState<string | undefined>();
  useEffect(() => {
    void keyboardShortcut().then(setShortcut);
  }, []);
  return (
    <>
      <p>{shortcut ? t('optionsShortcutIs', shortcut) : t('optionsShortcutNone')}</p>
      <p class="muted">{t('optionsShortcutChange')}</p>
    </>
  );
}

function Options() {
  const { settings, notice, save } = useSettings();
  return (
    <>
      <BrandHeader>
        <span class="muted">{extensionVersion()}</span>
      </BrandHeader>
      <main>
        {notice && (
          <p class="notice" role="status">
            {notice}
          </p>
        )}
        <label class="master">
          <input type="checkbox" name="enabled" checked={settings.enabled} onChange={(event) => save({ enabled: event.currentTarget.checked })} /> {t('optionsEnabled')}
        </label>
        <h2>{t('optionsMarksHeading')}</h2>
        <Marks settings={settings} save={save} />
        <h2>{t('optionsCardsHeading')}</h2>
        <Cards settings={settings} save={save} />
        <h2>{t('optionsSitesHeading')}</h2>
        <Sites settings={settings} save={save} />
        <h2>{t('optionsPacksHeading')}</h2>
        <Packs />
        <h2>{t('optionsShortcutHeading')}</h2>
        <Shortcut />
        <h2>{t('optionsSourcesHeading')}</h2>
        <dl class="credits">
          {SOURCE_CREDITS.map((source) => (
            <div key={source.id}>
              <dt>
                {source.name} <span class="muted">({source.licence})</span>
              </dt>
              <dd>
                {t(`source_${source.id.replaceAll('-', '_')}` as MessageKey)} <span class="muted">{source.url}</span>
              </dd>
            </div>
          ))}
        </dl>
      </main>
    </>
  );
}

document.documentElement.lang = uiLanguage();
document.title = t('optionsTitle');
const root = document.getElementById('app');
if (root) render(<Options />, root);
