/**
 * One JSON file with everything the reader set up: settings, hidden entities, remembered
 * choices and the custom dataset. Reading it back keeps every valid part and reports the rest
 * with its path; the custom dataset inside is checked like an imported dataset (all or nothing).
 */
import type { Entity } from '../dataset/schema';
import { parseJsonText } from './json';
import { parseSettingsPatch, type Choices, type Settings } from './schema';

export const BACKUP_FORMAT = 'backstory-backup';
export const BACKUP_VERSION = 1;

export interface BackupData {
  settings: Settings;
  hidden: string[];
  choices: Choices;
  customDataset: { entities: Entity[]; blockers: string[] } | null;
}

export function buildBackup(d: BackupData, now = new Date()): string {
  return `${JSON.stringify(
    {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: now.toISOString(),
      settings: d.settings,
      hidden: d.hidden,
      choices: d.choices,
      customDataset: d.customDataset,
    },
    null,
    2,
  )}\n`;
}

export function backupFileName(now = new Date()): string {
  return `backstory-settings-${now.toISOString().slice(0, 10)}.json`;
}

export interface BackupProblem {
  path: string;
  message: string;
}

export interface ParsedBackup {
  /** Valid settings fields, to apply over the current settings. */
  settings?: Partial<Settings>;
  hidden?: string[];
  choices?: Choices;
  /** The raw custom dataset (still to be checked), `null` when the file says there is none. */
  customDataset?: unknown;
  problems: BackupProblem[];
}

const KNOWN = ['format', 'version', 'exportedAt', 'settings', 'hidden', 'choices', 'customDataset'];
const ID = /^[a-z0-9-]{1,120}$/;
const HOST = /^([a-z0-9-]+\.)*[a-z0-9-]+(:\d{1,5})?$/;

export function parseBackup(text: string): ParsedBackup {
  const json = parseJsonText(text);
  if (!json.ok) return { problems: [{ path: json.path, message: json.message }] };
  const v = json.value;
  if (v === null || typeof v !== 'object' || Array.isArray(v))
    return { problems: [{ path: '', message: `expected a Backstory settings file (an object with "format": "${BACKUP_FORMAT}")` }] };
  const raw = v as Record<string, unknown>;
  const out: ParsedBackup = { problems: [] };
  const problem = (path: string, message: string) => out.problems.push({ path, message });

  if (raw.format !== BACKUP_FORMAT) {
    if (!['settings', 'hidden', 'choices', 'customDataset'].some((k) => k in raw))
      return { problems: [{ path: 'format', message: `not a Backstory settings file (expected "format": "${BACKUP_FORMAT}"; to import a dataset, use "Custom dataset")` }] };
    problem('format', `expected "${BACKUP_FORMAT}"; read the known fields anyway`);
  }
  if (typeof raw.version === 'number' && raw.version > BACKUP_VERSION) problem('version', `written by a newer Backstory (v${raw.version}); fields this version knows were read`);
  else if (raw.version !== undefined && raw.version !== BACKUP_VERSION) problem('version', `expected ${BACKUP_VERSION}`);
  for (const k of Object.keys(raw)) if (!KNOWN.includes(k)) problem(k, 'unknown field, ignored');

  if (raw.settings !== undefined) {
    const s = parseSettingsPatch(raw.settings, 'settings');
    out.settings = s.patch;
    out.problems.push(...s.problems);
  }
  if (raw.hidden !== undefined) {
    if (!Array.isArray(raw.hidden)) problem('hidden', 'expected a list of entity ids');
    else {
      out.hidden = [];
      raw.hidden.forEach((id, i) => {
        if (typeof id === 'string' && ID.test(id)) out.hidden!.push(id);
        else problem(`hidden[${i}]`, `expected an entity id (kebab-case), got ${JSON.stringify(id)?.slice(0, 60)}`);
      });
      out.hidden = [...new Set(out.hidden)];
    }
  }
  if (raw.choices !== undefined) {
    if (raw.choices === null || typeof raw.choices !== 'object' || Array.isArray(raw.choices)) problem('choices', 'expected { "site": { "text": "entity-id" } }');
    else {
      const choices: Choices = {};
      for (const [site, map] of Object.entries(raw.choices as Record<string, unknown>)) {
        if (!HOST.test(site)) {
          problem(`choices.${site}`, 'expected a site host name such as example.com');
          continue;
        }
        if (map === null || typeof map !== 'object' || Array.isArray(map)) {
          problem(`choices.${site}`, 'expected { "text": "entity-id" }');
          continue;
        }
        for (const [t, id] of Object.entries(map as Record<string, unknown>)) {
          if (typeof id === 'string' && ID.test(id) && t.length > 0 && t.length <= 200) (choices[site] ??= {})[t] = id;
          else problem(`choices.${site}.${t}`, 'expected an entity id for a text of 1–200 characters');
        }
      }
      out.choices = choices;
    }
  }
  if (raw.customDataset !== undefined) out.customDataset = raw.customDataset;
  return out;
}
