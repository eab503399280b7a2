/**
 * Defaults the article script needs without loading the settings schema (zod stays off the
 * per-page bundle). lib/settings/schema.ts builds DEFAULT_SETTINGS from these.
 */
export const DEFAULT_MARK_STYLE = 'underline' as const;

export const DEFAULT_COLOURS = Object.freeze({
  person: '#2f6fde',
  country: '#1f9d55',
  organization: '#b7791f',
  place: '#9f4fd6',
  treaty: '#d64545',
  summit: '#0f8b8d',
});

/** The marks' default look: what the static article.css (generated in wxt.config.ts) draws. */
export const DEFAULT_LOOK = Object.freeze({ style: DEFAULT_MARK_STYLE, colours: DEFAULT_COLOURS });
