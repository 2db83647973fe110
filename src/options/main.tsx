// The options page.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { SOURCE_CREDITS } from '../knowledge/credits.js';
import { defaultSiteHosts, extensionVersion } from '../platform/runtime.js';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, type Settings } from '../platform/settings.js';
import { BrandHeader } from '../ui/brand-header.js';
import './options.css';

function MentionsSetting() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [notice, setNotice] = useState<string | undefined>();
  useEffect(() => {
    void loadSettings().then((loaded) => {
      setSettings(loaded.settings);
      setNotice(loaded.notice);
    });
  }, []);
  const choose = (mentions: Settings['mentions']) => {
    const next = { ...settings, mentions };
    setSettings(next);
    void saveSettings(next).catch((error: unknown) => setNotice(`Could not save: ${error instanceof Error ? error.message : String(error)}`));
  };
  return (
    <fieldset class="setting">
      <legend>Which mentions to mark</legend>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <label>
        <input type="radio" name="mentions" value="all" checked={settings.mentions === 'all'} onChange={() => choose('all')} /> Every mention
      </label>
      <label>
        <input type="radio" name="mentions" value="first" checked={settings.mentions === 'first'} onChange={() => choose('first')} /> Only the
        first mention of each name
      </label>
    </fieldset>
  );
}

function Options() {
  const hosts = defaultSiteHosts();
  return (
    <>
      <BrandHeader>
        <span class="muted">{extensionVersion()}</span>
      </BrandHeader>
      <main>
        <h2>Marks</h2>
        <MentionsSetting />
        <h2>Where Backstory runs</h2>
        <p class="muted">
          Backstory marks names on these {hosts.length} news sites and their subdomains. It reads pages on your
          device only: nothing you read is sent anywhere.
        </p>
        <ul class="sites">
          {hosts.map((host) => (
            <li key={host}>{host}</li>
          ))}
        </ul>
        <h2>Where Backstory’s knowledge comes from</h2>
        <dl class="credits">
          {SOURCE_CREDITS.map((source) => (
            <div key={source.id}>
              <dt>
                {source.name} <span class="muted">({source.licence})</span>
              </dt>
              <dd>
                {source.what} <span class="muted">{source.url}</span>
              </dd>
            </div>
          ))}
        </dl>
      </main>
    </>
  );
}

const root = document.getElementById('app');
if (root) render(<Options />, root);
