/**
 * Reader settings: one zod schema, defaults, and a field-by-field parser that keeps every valid
 * field of a damaged stored object and reports the ones it had to reset.
 */
import { z } from 'zod';

export const ENTITY_KINDS = ['person', 'country', 'organization', 'place', 'treaty', 'summit'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

const hex = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like #1a2b3c');
const host = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9-]+\.)*[a-z0-9-]+(:\d{1,5})?$/, 'expected a host name such as example.com');

const perKind = <T extends z.ZodType>(t: T) =>
  z.object({ person: t, country: t, organization: t, place: t, treaty: t, summit: t });

export const settingsShape = {
  /** Master switch. */
  enabled: z.boolean(),
  /** Hosts the reader turned off (built-in or added). */
  disabledSites: z.array(host).max(5000),
  /** Hosts the reader turned on beyond the built-in list (with host permission granted). */
  addedSites: z.array(host).max(5000),
  kinds: perKind(z.boolean()),
  markStyle: z.enum(['underline', 'background', 'none']),
  markMode: z.enum(['first', 'all']),
  colours: perKind(hex),
  dwellMs: z.number().int().min(0).max(3000),
  hideMs: z.number().int().min(0).max(3000),
  showLaterEvents: z.boolean(),
  pinByDefault: z.boolean(),
  theme: z.enum(['system', 'light', 'dark']),
  badge: z.boolean(),
};

export const settingsSchema = z.object(settingsShape).strict();
export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  enabled: true,
  disabledSites: [],
  addedSites: [],
  kinds: { person: true, country: true, organization: true, place: true, treaty: true, summit: true },
  markStyle: 'underline',
  markMode: 'first',
  colours: {
    person: '#2f6fde',
    country: '#1f9d55',
    organization: '#b7791f',
    place: '#9f4fd6',
    treaty: '#d64545',
    summit: '#0f8b8d',
  },
  dwellMs: 300,
  hideMs: 300,
  showLaterEvents: true,
  pinByDefault: false,
  theme: 'system',
  badge: true,
}) as Settings;

export interface ParsedSettings {
  settings: Settings;
  /** Fields that were missing, invalid or unknown and fell back to defaults (or were dropped). */
  reset: string[];
}

/** Keeps every valid field of `raw`; anything else falls back to its default and is reported. */
export function parseSettings(raw: unknown): ParsedSettings {
  const reset: string[] = [];
  const out: Record<string, unknown> = {};
  const obj = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  if (raw !== undefined && raw !== null && !obj) reset.push('(all: stored settings were not an object)');
  for (const key of Object.keys(settingsShape) as SettingKey[]) {
    const schema = settingsShape[key];
    const value = obj?.[key];
    if (value === undefined) {
      out[key] = structuredClone(DEFAULT_SETTINGS[key]);
      continue;
    }
    const r = schema.safeParse(value);
    if (r.success) {
      out[key] = r.data;
      continue;
    }
    // Objects of per-kind values are repaired per kind rather than reset whole.
    if ((key === 'kinds' || key === 'colours') && value && typeof value === 'object') {
      const merged: Record<string, unknown> = {};
      const inner = key === 'kinds' ? z.boolean() : hex;
      for (const kind of ENTITY_KINDS) {
        const v = (value as Record<string, unknown>)[kind];
        if (v !== undefined && inner.safeParse(v).success) merged[kind] = v;
        else {
          merged[kind] = DEFAULT_SETTINGS[key][kind];
          if (v !== undefined) reset.push(`${key}.${kind}`);
        }
      }
      out[key] = merged;
      continue;
    }
    // Lists keep their valid items.
    if ((key === 'disabledSites' || key === 'addedSites') && Array.isArray(value)) {
      const kept = value.filter((v) => host.safeParse(v).success).map((v) => host.parse(v));
      out[key] = [...new Set(kept)].slice(0, 5000);
      if (kept.length !== value.length) reset.push(`${key} (dropped ${value.length - kept.length} invalid entries)`);
      continue;
    }
    out[key] = structuredClone(DEFAULT_SETTINGS[key]);
    reset.push(key);
  }
  if (obj) for (const key of Object.keys(obj)) if (!(key in settingsShape)) reset.push(`${key} (unknown, dropped)`);
  return { settings: out as Settings, reset };
}
