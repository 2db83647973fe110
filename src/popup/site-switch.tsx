// The site switch: Backstory off for this site, or on for a site outside the default list.
import { useEffect, useState } from 'preact/hooks';
import { defaultSiteHosts } from '../platform/runtime.js';
import { t } from '../platform/i18n.js';
import { hostIsIn, loadSettings, saveSettings, siteOf, type Settings } from '../platform/settings.js';
import { releaseSite, requestSite, startInTab } from '../platform/user-sites.js';

type SiteState = 'default-on' | 'default-off' | 'user-on' | 'user-off';

function stateOf(site: string, settings: Settings): SiteState {
  const isDefault = hostIsIn(site, defaultSiteHosts());
  if (isDefault) return hostIsIn(site, settings.blockedSites) ? 'default-off' : 'default-on';
  return settings.allowedSites.includes(site) ? 'user-on' : 'user-off';
}

export function SiteSwitch({ url, tabId }: { url: string | undefined; tabId: number | undefined }) {
  const site = url ? siteOf(url) : undefined;
  const [settings, setSettings] = useState<Settings | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    void loadSettings().then((loaded) => setSettings(loaded.settings));
  }, []);
  if (!site || !settings) return null;
  const state = stateOf(site, settings);
  const on = state === 'default-on' || state === 'user-on';

  const save = async (next: Settings) => {
    setSettings(next);
    await saveSettings(next);
  };
  const toggle = async () => {
    setProblem(undefined);
    try {
      if (state === 'default-on') await save({ ...settings, blockedSites: [...settings.blockedSites, site] });
      else if (state === 'default-off') await save({ ...settings, blockedSites: settings.blockedSites.filter((blocked) => blocked !== site) });
      else if (state === 'user-off') {
        // The permission is asked in the reader's click, as browsers require.
        if (!(await requestSite(site))) {
          setProblem(t('siteNotAllowed', site));
          return;
        }
        await save({ ...settings, allowedSites: [...settings.allowedSites, site] });
        if (tabId !== undefined) await startInTab(tabId);
      } else {
        await save({ ...settings, allowedSites: settings.allowedSites.filter((allowed) => allowed !== site) });
        await releaseSite(site);
      }
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <div class="site-switch">
      <label>
        <input type="checkbox" role="switch" checked={on} onChange={() => void toggle()} /> {t('siteSwitch', site)}
      </label>
      {problem && (
        <p class="notice" role="status">
          {problem}
        </p>
      )}
    </div>
  );
}
