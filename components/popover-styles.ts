/** Styles inside the popover's shadow root: the page's CSS cannot reach in and these cannot leak out. */
export const POPOVER_CSS = `
:host { all: initial; }
.card {
  --bg: #ffffff; --fg: #1f2933; --muted: #52606d; --accent: #0f766e; --border: #cbd2d9; --chip: #e6f4f1;
  box-sizing: border-box; width: max-content; max-width: min(360px, calc(100vw - 16px));
  max-height: min(70vh, 480px); overflow: auto; padding: 12px 14px;
  background: var(--bg); color: var(--fg); border: 1px solid var(--border); border-radius: 10px;
  box-shadow: 0 6px 24px rgba(0,0,0,.18), 0 1px 3px rgba(0,0,0,.12);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; text-align: left;
  animation: termlens-in 120ms ease-out;
  /* A long card (a value's ranges and caveats) scrolls: its scrollbar follows the card's theme, not the page's. */
  color-scheme: light; scrollbar-width: thin; scrollbar-color: var(--border) transparent;
}
:host([data-theme="dark"]) .card {
  color-scheme: dark;
  --bg: #1f2428; --fg: #e4e7eb; --muted: #aab4be; --accent: #5eead4; --border: #3e4c59; --chip: #23403c;
  box-shadow: 0 6px 24px rgba(0,0,0,.5);
}
.card:focus { outline: 2px solid var(--accent); outline-offset: 2px; }
@keyframes termlens-in { from { opacity: 0; transform: translateY(2px); } to { opacity: 1; transform: none; } }
@media (prefers-reduced-motion: reduce) { .card { animation: none; } }
.head { display: flex; align-items: flex-start; gap: 8px; }
.titles { flex: 1; min-width: 0; }
h2 { margin: 0; font-size: 16px; line-height: 1.3; font-weight: 650; color: var(--fg); }
.category { display: block; font-size: 12px; color: var(--muted); }
.guess { margin: 0; font-size: 12px; color: var(--muted); }
p { margin: 8px 0 0; }
.summary { font-size: 14px; }
.more p { color: var(--fg); }
button { font: inherit; color: inherit; cursor: pointer; }
button:focus-visible, a:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; border-radius: 4px; }
.icon { border: 0; background: transparent; font-size: 18px; line-height: 1; padding: 2px 6px; border-radius: 6px; color: var(--muted); }
.icon:hover { background: var(--chip); color: var(--fg); }
.link { border: 0; background: transparent; padding: 0; margin-top: 6px; color: var(--accent); text-decoration: underline; text-underline-offset: 2px; }
.lang-switch { margin-top: 2px; font-size: 12px; white-space: nowrap; }
.related { margin-top: 10px; display: flex; flex-wrap: wrap; align-items: center; gap: 4px 6px; }
.related .label { font-size: 12px; color: var(--muted); }
.related ul { display: contents; list-style: none; margin: 0; padding: 0; }
.related li { display: inline; }
.chip { border: 1px solid var(--border); background: var(--chip); border-radius: 999px; padding: 1px 8px; font-size: 12.5px; }
.sources { margin-top: 10px; display: flex; flex-direction: column; gap: 2px; }
.sources a { color: var(--accent); font-size: 12.5px; }
.actions { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 14px; margin-top: 8px; font-size: 12.5px; }
.actions .link { margin-top: 0; }
/* Turning marks off for a site is a settings change, not a way to read on: an outlined button, apart from the links. */
.setting {
  margin-left: auto; padding: 2px 8px;
  border: 1px solid var(--muted); border-radius: 6px; background: transparent; color: var(--fg);
  font-size: 12px; line-height: 1.4;
}
.setting:hover { background: var(--chip); }
.goal { font-size: 13px; padding: 4px 8px; border-radius: 6px; background: var(--chip); }
.note { font-size: 12.5px; color: var(--muted); }
.conversions { margin: 8px 0 0; display: grid; gap: 2px; }
.conversion { display: flex; flex-wrap: wrap; gap: 0 6px; }
.conversions dt { color: var(--muted); font-size: 12.5px; }
.conversions dt::after { content: ":"; }
.conversions dd { margin: 0; font-weight: 600; }
.range { margin-top: 10px; }
h3 { margin: 0; font-size: 12.5px; font-weight: 600; color: var(--muted); }
.bands { list-style: none; margin: 4px 0 0; padding: 0; display: grid; gap: 1px; }
.band { display: flex; justify-content: space-between; gap: 12px; padding: 1px 6px; border-radius: 4px; font-size: 12.5px; }
.band.hit { background: var(--chip); font-weight: 650; box-shadow: inset 3px 0 0 var(--accent); }
.band-limits { color: var(--muted); white-space: nowrap; }
.band.hit .band-limits { color: var(--fg); }
.verdict { font-size: 13px; }
.owner { font-size: 12px; color: var(--muted); margin-top: 4px; }
.caveats { margin: 10px 0 0; padding-left: 18px; font-size: 12.5px; }
.caveats li + li { margin-top: 3px; }
.disclaimer { font-size: 11.5px; color: var(--muted); margin-top: 10px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
