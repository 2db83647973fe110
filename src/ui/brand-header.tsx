import type { ComponentChildren } from 'preact';

const ICON_URL = '../icons/icon-32.png';

/** The name and mark at the top of Backstory's own pages. */
export function BrandHeader({ children }: { children?: ComponentChildren }) {
  return (
    <header class="brand">
      <img src={ICON_URL} width={20} height={20} alt="" />
      <span class="brand-name">Backstory</span>
      {children}
    </header>
  );
}
