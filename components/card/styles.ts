/**
 * The card's stylesheet, adopted by our shadow root only. Sizes are in px because `rem` follows
 * the page's root font size; `all: initial` on the root stops inherited page styles (fonts,
 * colours, letter-spacing) at the shadow boundary. Colours come from variables set on the root
 * itself, so page-defined custom properties of the same name cannot leak in.
 */
export const CARD_CSS = `
.bs-root {
  all: initial;
  --bs-bg: #ffffff;
  --bs-fg: #1b1f24;
  --bs-muted: #555e6b;
  --bs-border: #d3d8df;
  --bs-soft: #f3f5f8;
  --bs-link: #1f5fc8;
  --bs-later-bg: #fff3dc;
  --bs-later-fg: #6e4500;
  --bs-focus: #1f5fc8;
  --bs-shadow: 0 10px 30px rgba(20, 26, 36, 0.18), 0 2px 6px rgba(20, 26, 36, 0.12);
  color-scheme: light;
}
.bs-root[data-theme="dark"] {
  --bs-bg: #1f2329;
  --bs-fg: #e9ebee;
  --bs-muted: #a9b1bc;
  --bs-border: #3b424c;
  --bs-soft: #2a2f37;
  --bs-link: #8ab4ff;
  --bs-later-bg: #3d3019;
  --bs-later-fg: #f5cf86;
  --bs-focus: #8ab4ff;
  --bs-shadow: 0 10px 30px rgba(0, 0, 0, 0.5), 0 2px 6px rgba(0, 0, 0, 0.4);
  color-scheme: dark;
}
@media (prefers-color-scheme: dark) {
  .bs-root[data-theme="system"] {
    --bs-bg: #1f2329;
    --bs-fg: #e9ebee;
    --bs-muted: #a9b1bc;
    --bs-border: #3b424c;
    --bs-soft: #2a2f37;
    --bs-link: #8ab4ff;
    --bs-later-bg: #3d3019;
    --bs-later-fg: #f5cf86;
    --bs-focus: #8ab4ff;
    --bs-shadow: 0 10px 30px rgba(0, 0, 0, 0.5), 0 2px 6px rgba(0, 0, 0, 0.4);
    color-scheme: dark;
  }
}
.bs-card {
  position: fixed;
  top: 0;
  left: 0;
  z-index: 2147483647;
  box-sizing: border-box;
  width: 380px;
  max-width: calc(100vw - 16px);
  max-height: 480px;
  overflow: auto;
  overscroll-behavior: contain;
  padding: 14px 16px 12px;
  border: 1px solid var(--bs-border);
  border-top: 4px solid var(--bs-kind, #5b6ee1);
  border-radius: 10px;
  background: var(--bs-bg);
  color: var(--bs-fg);
  box-shadow: var(--bs-shadow);
  font: 400 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, "Apple SD Gothic Neo", "Malgun Gothic", "Hiragino Sans", "Noto Sans CJK KR", sans-serif;
  letter-spacing: normal;
  text-align: left;
  text-transform: none;
  white-space: normal;
  word-wrap: break-word;
  direction: ltr;
  cursor: auto;
}
.bs-card[hidden] { display: none; }
.bs-card.bs-sheet {
  top: auto;
  bottom: 0;
  left: 0;
  right: 0;
  width: 100vw;
  max-width: 100vw;
  max-height: 70vh;
  border-radius: 14px 14px 0 0;
  padding-bottom: 20px;
}
.bs-card *, .bs-card *::before, .bs-card *::after { box-sizing: border-box; }
.bs-card :focus-visible { outline: 2px solid var(--bs-focus); outline-offset: 2px; }
.bs-head { display: flex; align-items: flex-start; gap: 8px; }
.bs-titles { flex: 1 1 auto; min-width: 0; }
.bs-kind { margin: 0; color: var(--bs-muted); font-size: 12px; font-weight: 600; letter-spacing: 0.02em; text-transform: uppercase; }
.bs-name { margin: 2px 0 0; font-size: 17px; line-height: 1.25; font-weight: 700; color: var(--bs-fg); }
.bs-native { margin: 2px 0 0; color: var(--bs-muted); font-size: 13px; }
.bs-tools { display: flex; gap: 4px; flex: none; }
.bs-icon {
  display: inline-flex; align-items: center; justify-content: center;
  width: 28px; height: 28px; margin: 0; padding: 0;
  border: 1px solid transparent; border-radius: 6px;
  background: transparent; color: var(--bs-muted);
  font: inherit; font-size: 16px; line-height: 1; cursor: pointer;
}
.bs-icon:hover { background: var(--bs-soft); color: var(--bs-fg); }
.bs-icon[aria-pressed="true"] { background: var(--bs-soft); border-color: var(--bs-border); color: var(--bs-fg); }
.bs-icon svg { width: 16px; height: 16px; fill: currentColor; }
.bs-summary { margin: 8px 0 0; }
.bs-section { margin: 10px 0 0; padding: 8px 10px; border-radius: 8px; background: var(--bs-soft); }
.bs-section-title { margin: 0 0 4px; font-size: 12px; font-weight: 600; color: var(--bs-muted); }
.bs-lines, .bs-list { margin: 0; padding: 0; list-style: none; }
.bs-lines li { margin: 2px 0 0; font-weight: 600; }
.bs-later { margin: 6px 0 0; }
.bs-later li, .bs-history li { margin: 3px 0 0; }
.bs-tag {
  display: inline-block; margin: 0 4px 0 0; padding: 0 5px; border-radius: 4px;
  background: var(--bs-later-bg); color: var(--bs-later-fg);
  font-size: 11px; font-weight: 600; line-height: 17px; vertical-align: 1px; white-space: nowrap;
}
.bs-date { color: var(--bs-muted); font-size: 12px; white-space: nowrap; }
.bs-note { display: block; color: var(--bs-muted); font-size: 12px; }
.bs-facts { margin: 10px 0 0; padding: 0; display: grid; grid-template-columns: max-content 1fr; gap: 3px 10px; }
.bs-facts dt { margin: 0; color: var(--bs-muted); font-size: 12px; line-height: 20px; }
.bs-facts dd { margin: 0; min-width: 0; }
.bs-facts .bs-list li { margin: 0 0 2px; }
.bs-current { font-weight: 600; }
.bs-history { margin: 10px 0 0; }
.bs-history .bs-name-sm { font-weight: 600; }
.bs-more {
  margin: 4px 0 0; padding: 0; border: 0; background: none; color: var(--bs-link);
  font: inherit; font-size: 12px; cursor: pointer; text-decoration: underline;
}
.bs-ambig { margin: 10px 0 0; padding: 8px 10px; border: 1px dashed var(--bs-border); border-radius: 8px; }
.bs-ambig p { margin: 0 0 6px; }
.bs-choices { display: flex; flex-wrap: wrap; gap: 6px; margin: 0; padding: 0; list-style: none; }
.bs-choice {
  margin: 0; padding: 3px 8px; border: 1px solid var(--bs-border); border-radius: 999px;
  background: var(--bs-bg); color: var(--bs-fg); font: inherit; font-size: 13px; cursor: pointer;
}
.bs-choice[aria-pressed="true"] { border-color: var(--bs-kind, #5b6ee1); font-weight: 600; }
.bs-foot { margin: 12px 0 0; padding: 8px 0 0; border-top: 1px solid var(--bs-border); color: var(--bs-muted); font-size: 12px; }
.bs-foot p { margin: 0 0 4px; }
.bs-foot a { color: var(--bs-link); text-decoration: underline; }
.bs-actions { display: flex; flex-wrap: wrap; gap: 6px; margin: 8px 0 0; }
.bs-action {
  margin: 0; padding: 4px 9px; border: 1px solid var(--bs-border); border-radius: 6px;
  background: var(--bs-bg); color: var(--bs-fg); font: inherit; font-size: 12px; line-height: 18px; cursor: pointer;
}
.bs-action:hover { background: var(--bs-soft); }
.bs-status { margin: 8px 0 0; color: var(--bs-muted); }
`;
