// The card's styles, adopted into its shadow root as a constructable stylesheet, so that a
// page's strict CSP (style-src) cannot strip them and page CSS cannot reach in.
export const CARD_CSS = `
:host { all: initial !important; position: fixed !important; top: 0 !important; left: 0 !important;
  width: 0 !important; height: 0 !important; z-index: 2147483647 !important;
  /* Shown only while content.css sets this (see there). */
  display: var(--backstory-card-display, none) !important; }
.card { position: fixed; top: 0; left: 0; box-sizing: border-box; width: max-content; max-width: min(360px, calc(100vw - 16px));
  padding: 12px 14px 10px; border-radius: 10px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: #1b1d21; background: #ffffff; border: 1px solid rgba(0,0,0,.12); box-shadow: 0 8px 28px rgba(0,0,0,.22);
  text-align: start; letter-spacing: normal; text-transform: none; white-space: normal; outline: none; }
.card.dark { color: #e8eaef; background: #23262d; border-color: rgba(255,255,255,.14); box-shadow: 0 8px 28px rgba(0,0,0,.6); }
.card.animate { animation: appear 120ms ease-out; }
@keyframes appear { from { opacity: 0; transform: translateY(2px); } to { opacity: 1; transform: none; } }
@media (prefers-reduced-motion: reduce) { .card.animate { animation: none; } }
.head { display: flex; align-items: baseline; gap: 8px; }
h2 { margin: 0; font-size: 16px; font-weight: 650; line-height: 1.3; }
.flag { font-size: 18px; line-height: 1; }
.kind { margin: 2px 0 6px; font-size: 12px; color: #5b6270; }
.dark .kind, .dark .facts dt, .dark .muted { color: #a3aab8; }
.role { margin: 0 0 6px; font-weight: 600; }
.desc { margin: 0 0 8px; }
.facts { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 0 0 8px; font-size: 13px; }
.facts dt { color: #5b6270; }
.facts dd { margin: 0; }
.map { display: block; width: 100%; max-width: 240px; aspect-ratio: 5 / 3; height: auto; margin: 0 0 8px; border-radius: 6px; background: #dde9f3; }
.dark .map { background: #1b2a38; }
.map .land { fill: #b9c7b2; stroke: #98a88f; stroke-width: .15; }
.dark .map .land { fill: #4b5a48; stroke: #5e6f5a; }
.map .spot { fill: #d6336c; stroke: #fff; stroke-width: .5; }
.foot { display: flex; justify-content: space-between; align-items: center; gap: 12px; font-size: 12px; }
a { color: #1f5fbf; text-decoration: underline; }
.dark a { color: #7aa7f0; }
.muted { color: #5b6270; }
`;
