/**
 * Reader settings: one zod schema, defaults, and a field-by-field parser that keeps every valid
 * field of a damaged stored object and reports the ones it had to reset.
 */
import { z } from 'zod';
import { DEFAULT_COLOURS, DEFAULT_MARK_STYLE } from './defaults';

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
  markStyle: DEFAULT_MARK_STYLE,
  markMode: 'first',
  colours: { ...DEFAULT_COLOURS },
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

type FieldResult = { ok: true; value: unknown; notes: string[] } | { ok: false; notes: string[] };

/**
 * One field: the parsed value, or `ok: false` when nothing of it is usable. Per-kind objects are
 * repaired per kind and site lists keep their valid entries; `notes` names what was dropped.
 */
function parseField(key: SettingKey, value: unknown): FieldResult {
  const r = settingsShape[key].safeParse(value);
  if (r.success) return { ok: true, value: r.data, notes: [] };
  if ((key === 'kinds' || key === 'colours') && isRecord(value)) {
    const notes: string[] = [];
    const merged: Record<string, unknown> = {};
    const inner = key === 'kinds' ? z.boolean() : hex;
    for (const kind of ENTITY_KINDS) {
      const v = value[kind];
      if (v !== undefined && inner.safeParse(v).success) merged[kind] = v;
      else {
        merged[kind] = DEFAULT_SETTINGS[key][kind];
        if (v !== undefined) notes.push(`${key}.${kind}`);
      }
    }
    for (const k of Object.keys(value)) if (!(ENTITY_KINDS as readonly string[]).includes(k)) notes.push(`${key}.${k} (unknown, dropped)`);
    return { ok: true, value: merged, notes };
  }
  if ((key === 'disabledSites' || key === 'addedSites') && Array.isArray(value)) {
    const kept = value.flatMap((v) => {
      const h = host.safeParse(v);
      return h.success ? [h.data] : [];
    });
    const notes = kept.length !== value.length ? [`${key} (dropped ${value.length - kept.length} invalid entries)`] : [];
    return { ok: true, value: [...new Set(kept)].slice(0, 5000), notes };
  }
  return { ok: false, notes: [key] };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Keeps every valid field of `raw`; anything else falls back to its default and is reported. */
export function parseSettings(raw: unknown): ParsedSettings {
  const reset: string[] = [];
  const out: Record<string, unknown> = {};
  const obj = isRecord(raw) ? raw : null;
  if (raw !== undefined && raw !== null && !obj) reset.push('(all: stored settings were not an object)');
  for (const key of Object.keys(settingsShape) as SettingKey[]) {
    const value = obj?.[key];
    if (value === undefined) {
      out[key] = structuredClone(DEFAULT_SETTINGS[key]);
      continue;
    }
    const r = parseField(key, value);
    reset.push(...r.notes);
    out[key] = r.ok ? r.value : structuredClone(DEFAULT_SETTINGS[key]);
  }
  if (obj) for (const key of Object.keys(obj)) if (!Object.hasOwn(settingsShape, key)) reset.push(`${key} (unknown, dropped)`);
  return { settings: out as Settings, reset };
}

export interface SettingsPatch {
  /** The valid fields of the input (per-kind objects and site lists repaired as in {@link parseSettings}). */
  patch: Partial<Settings>;
  /** What was invalid or unknown, each with its path (`settings.dwellMs`) and why. */
  problems: { path: string; message: string }[];
}

/**
 * For imports: only the fields present in `raw` and valid become a patch over the current
 * settings; invalid ones keep the reader's current value instead of falling back to defaults.
 */
export function parseSettingsPatch(raw: unknown, prefix = 'settings'): SettingsPatch {
  const problems: SettingsPatch['problems'] = [];
  const patch: Record<string, unknown> = {};
  if (!isRecord(raw)) return { patch, problems: [{ path: prefix, message: 'expected an object of settings' }] };
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.hasOwn(settingsShape, key)) {
      problems.push({ path: `${prefix}.${key}`, message: 'unknown setting, ignored' });
      continue;
    }
    const r = parseField(key as SettingKey, value);
    if (r.ok) patch[key] = r.value;
    for (const n of r.notes) problems.push({ path: `${prefix}.${n.replace(/ \(.*\)$/, '')}`, message: r.ok ? describeNote(n) : fieldError(key as SettingKey, value) });
  }
  return { patch: patch as Partial<Settings>, problems };
}

function describeNote(note: string): string {
  const m = / \((.*)\)$/.exec(note);
  return m ? m[1]! : 'invalid value, reset to the default';
}

function fieldError(key: SettingKey, value: unknown): string {
  const r = settingsShape[key].safeParse(value);
  const first = r.success ? undefined : r.error.issues[0];
  return `${first?.message ?? 'invalid value'}; kept the current value`;
}

/** Entity ids as the dataset writes them; hidden entities and choices store nothing else. */
const storedId = z.string().regex(/^[a-z0-9-]{1,120}$/);

/** The reader's hidden entities: valid ids, de-duplicated; `dropped` counts the rest. */
export function parseHidden(raw: unknown): { ids: string[]; dropped: number } {
  if (!Array.isArray(raw)) return { ids: [], dropped: raw === undefined || raw === null ? 0 : 1 };
  const ids = raw.filter((x): x is string => storedId.safeParse(x).success);
  return { ids: [...new Set(ids)], dropped: raw.length - ids.length };
}

/** Remembered picks for ambiguous mentions: site host → alias text as written → entity id. */
export type Choices = Record<string, Record<string, string>>;

/** Keeps every valid pick; `dropped` counts the rest. */
export function parseChoices(raw: unknown): { choices: Choices; dropped: number } {
  const choices: Choices = {};
  let dropped = 0;
  if (!isRecord(raw)) return { choices, dropped: raw === undefined || raw === null ? 0 : 1 };
  for (const [site, map] of Object.entries(raw)) {
    if (!isRecord(map) || !host.safeParse(site).success) {
      dropped++;
      continue;
    }
    const kept: Record<string, string> = {};
    for (const [text, id] of Object.entries(map)) {
      if (storedId.safeParse(id).success && text.length > 0 && text.length <= 200) kept[text] = id as string;
      else dropped++;
    }
    if (Object.keys(kept).length) choices[site] = kept;
  }
  return { choices, dropped };
}
