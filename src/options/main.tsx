// The options page.
import { render } from 'preact';
import { SOURCE_CREDITS } from '../knowledge/credits.js';
import { defaultSiteHosts, extensionVersion } from '../platform/runtime.js';
import { BrandHeader } from '../ui/brand-header.js';
import './options.css';

function Options() {
  const hosts = defaultSiteHosts();
  return (
    <>
      <BrandHeader>
        <span class="muted">{extensionVersion()}</span>
      </BrandHeader>
      <main>
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
