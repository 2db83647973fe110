// The options page.
import { render } from 'preact';
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
      </main>
    </>
  );
}

const root = document.getElementById('app');
if (root) render(<Options />, root);
