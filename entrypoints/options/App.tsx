/** Options page wiring: storage and browser APIs in, presentational sections (components/options) out. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import meta from '../../generated/meta.json';
import { BackupSection, type BackupPreview } from '../../components/options/BackupSection';
import { CardSection } from '../../components/options/CardSection';
import { DatasetSection, type DatasetInfo, type ImportOutcome } from '../../components/options/DatasetSection';
import { GeneralSection } from '../../components/options/GeneralSection';
import { HiddenSection } from '../../components/options/HiddenSection';
import { KindsSection, MarkingSection } from '../../components/options/MarkingSection';
import type { ProgressState } from '../../components/options/Progress';
import { ResetNotice } from '../../components/options/ResetNotice';
import { ShortcutSection, type ShortcutCommand } from '../../components/options/ShortcutSection';
import { SitesSection, type AddedSite } from '../../components/options/SitesSection';
import { clearCustomDataset, loadCustomDataset, saveCustomDataset, watchCustomDataset, type CustomDataset } from '../../lib/ext/custom-dataset';
import {
  loadChoices,
  loadHidden,
  loadSettings,
  replaceSettings,
  saveSettings,
  setChoices,
  setHidden,
  watchChoices,
  watchHidden,
  watchSettings,
  type Choices,
} from '../../lib/ext/settings';
import { backupFileName, buildBackup, parseBackup } from '../../lib/settings/backup';
import type { CustomCheckResult, ImportProgress } from '../../lib/settings/custom-import';
import { IMPORT_FILE_MAX_BYTES, formatBytes } from '../../lib/settings/quota';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/schema';
import { hostOrigins, parseHostInput } from '../../lib/settings/sites';
import { NEWS_SITES } from '../../lib/sites/news-sites';
import { loadBundled } from './bundled';
import { checkDataset, type CheckInput } from './checker';
import { downloadText } from './download';
import { BROWSER, shortcutOpener } from './platform';

const PHASES: Record<ImportProgress['phase'], string> = { parsing: 'Reading the file…', validating: 'Checking entries…', checking: 'Cross-checking with the bundled dataset…' };

const progressOf = (p: ImportProgress): ProgressState => ({ label: PHASES[p.phase], done: p.done, total: p.phase === 'validating' ? p.total : 0 });

function tooBig(file: File): string | null {
  return file.size > IMPORT_FILE_MAX_BYTES ? `${file.name} is ${formatBytes(file.size)}; files over ${formatBytes(IMPORT_FILE_MAX_BYTES)} cannot be imported.` : null;
}

async function runCheck(input: CheckInput, setProgress: (p: ProgressState | null) => void): Promise<CustomCheckResult> {
  setProgress({ label: 'Loading the bundled dataset…', done: 0, total: 0 });
  try {
    const { index } = await loadBundled();
    return await checkDataset(input, index, (p) => setProgress(progressOf(p)));
  } finally {
    setProgress(null);
  }
}

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [reset, setReset] = useState<string[]>([]);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [hidden, setHiddenState] = useState<string[]>([]);
  const [choices, setChoicesState] = useState<Choices>({});
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [custom, setCustom] = useState<CustomDataset | null>(null);
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const [addError, setAddError] = useState<string | null>(null);
  const [commands, setCommands] = useState<ShortcutCommand[] | null>(null);
  const [undo, setUndo] = useState<{ label: string; onUndo: () => void } | null>(null);
  const [customProgress, setCustomProgress] = useState<ProgressState | null>(null);
  const [customOutcome, setCustomOutcome] = useState<ImportOutcome | null>(null);
  const [backupProgress, setBackupProgress] = useState<ProgressState | null>(null);
  const [preview, setPreview] = useState<(BackupPreview & { apply: () => Promise<void> }) | null>(null);
  const [backupMessage, setBackupMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const current = useRef<Settings>(DEFAULT_SETTINGS);
  if (settings) current.current = settings;

  useEffect(() => {
    void (async () => {
      const loaded = await loadSettings();
      setSettings(loaded.settings);
      if (loaded.reset.length) {
        setReset(loaded.reset);
        // Store the repaired value so every context reads the same thing from now on.
        await replaceSettings(loaded.settings).catch((e) => setStatus({ ok: false, text: String(e.message ?? e) }));
      }
      setHiddenState(await loadHidden());
      setChoicesState(await loadChoices());
      setCustom(await loadCustomDataset());
    })();
    void browser.commands
      .getAll()
      .then((all) => setCommands(all.filter((c) => c.name && !c.name.startsWith('_')).map((c) => ({ name: c.name!, description: c.description ?? '', shortcut: c.shortcut ?? '' }))))
      .catch(() => setCommands([]));
    void loadBundled()
      .then((b) => setNames(b.names))
      .catch((e) => console.warn('Backstory: bundled dataset unavailable', e));
    const unwatch = [
      watchSettings((s) => setSettings(s.settings)),
      watchHidden(setHiddenState),
      watchChoices(setChoicesState),
      watchCustomDataset(setCustom),
    ];
    return () => unwatch.forEach((u) => u());
  }, []);

  // Theme: the page follows the setting, or the system when it says "system".
  useEffect(() => {
    if (settings) document.documentElement.dataset.theme = settings.theme;
  }, [settings?.theme]);

  // Permission status of the reader's sites, refreshed when permissions change anywhere.
  const addedKey = settings?.addedSites.join(' ') ?? '';
  useEffect(() => {
    const refresh = () =>
      void Promise.all(
        current.current.addedSites.map(async (host) => [host, await browser.permissions.contains({ origins: hostOrigins(host) }).catch(() => false)] as const),
      ).then((pairs) => setGranted(Object.fromEntries(pairs)));
    refresh();
    browser.permissions.onAdded?.addListener(refresh);
    browser.permissions.onRemoved?.addListener(refresh);
    return () => {
      browser.permissions.onAdded?.removeListener(refresh);
      browser.permissions.onRemoved?.removeListener(refresh);
    };
  }, [addedKey]);

  const save = (patch: Partial<Settings>) => {
    setSettings({ ...current.current, ...patch });
    saveSettings(patch).then(
      (s) => {
        setSettings(s);
        setStatus({ ok: true, text: 'Saved.' });
      },
      (e: Error) => {
        setStatus({ ok: false, text: e.message });
        void loadSettings().then((l) => setSettings(l.settings));
      },
    );
  };

  const sites = {
    // Runs inside the click/submit handler: permissions.request needs the user gesture.
    add(text: string) {
      const s = current.current;
      const r = parseHostInput(text, { addedSites: s.addedSites });
      if (!r.ok) return setAddError(r.message);
      setAddError(null);
      browser.permissions.request({ origins: hostOrigins(r.host) }).then(
        (ok) => {
          if (!ok) return setAddError(`Backstory was not allowed to read ${r.host}, so it was not added.`);
          const now = current.current;
          save({ addedSites: [...now.addedSites, r.host], disabledSites: now.disabledSites.filter((h) => h !== r.host) });
        },
        (e: Error) => setAddError(`Could not ask for permission: ${e.message}`),
      );
    },
    grant(host: string) {
      browser.permissions.request({ origins: hostOrigins(host) }).catch((e: Error) => setAddError(e.message));
    },
    remove(host: string) {
      save({ addedSites: current.current.addedSites.filter((h) => h !== host) });
      browser.permissions.remove({ origins: hostOrigins(host) }).catch((e) => console.warn('Backstory: could not revoke', host, e));
    },
    setBuiltin(host: string, on: boolean) {
      const d = current.current.disabledSites.filter((h) => h !== host);
      save({ disabledSites: on ? d : [...d, host] });
    },
    enable(host: string) {
      save({ disabledSites: current.current.disabledSites.filter((h) => h !== host) });
    },
  };

  const nameOf = (id: string) => custom?.entities.find((e) => e.id === id)?.name ?? names.get(id) ?? id;
  const choiceRows = useMemo(
    () => Object.entries(choices).flatMap(([site, map]) => Object.entries(map).map(([text, id]) => ({ site, text, id, name: nameOf(id) }))),
    [choices, names, custom],
  );

  const unhide = (id: string) => {
    const before = hidden;
    void setHidden(hidden.filter((h) => h !== id));
    setUndo({ label: `${nameOf(id)} is marked again.`, onUndo: () => void setHidden(before).then(() => setUndo(null)) });
  };
  const forget = (site: string, text: string) => {
    const before = choices;
    const next: Choices = { ...choices, [site]: { ...choices[site] } };
    delete next[site]![text];
    if (!Object.keys(next[site]!).length) delete next[site];
    void setChoices(next);
    setUndo({ label: `Forgot “${text}” on ${site}.`, onUndo: () => void setChoices(before).then(() => setUndo(null)) });
  };

  const importCustom = async (file: File) => {
    setCustomOutcome(null);
    const big = tooBig(file);
    if (big) return setCustomOutcome({ ok: false, file: file.name, problems: [{ path: '', message: big }] });
    try {
      const r = await runCheck({ file }, setCustomProgress);
      if (!r.ok) return setCustomOutcome({ ok: false, file: file.name, problems: r.problems });
      await saveCustomDataset({ entities: r.entities, blockers: r.blockers, file: file.name });
      setCustomOutcome({ ok: true, message: `Imported ${r.entities.length} entr${r.entities.length === 1 ? 'y' : 'ies'} from ${file.name}${r.replaces.length ? `, replacing ${r.replaces.length} bundled` : ''}.` });
    } catch (e) {
      setCustomOutcome({ ok: false, file: file.name, problems: [{ path: '', message: (e as Error).message }] });
    }
  };

  const exportAll = async () => {
    const [s, h, c, d] = await Promise.all([loadSettings(), loadHidden(), loadChoices(), loadCustomDataset()]);
    const text = buildBackup({ settings: s.settings, hidden: h, choices: c, customDataset: d ? { entities: d.entities, blockers: d.blockers } : null });
    downloadText(backupFileName(), text);
    setBackupMessage({ ok: true, text: `Exported to ${backupFileName()}.` });
  };

  const importBackup = async (file: File) => {
    setBackupMessage(null);
    setPreview(null);
    const big = tooBig(file);
    if (big) return setBackupMessage({ ok: false, text: big });
    const parsed = parseBackup(await file.text());
    const problems = [...parsed.problems];
    const changes: string[] = [];
    let dataset: CustomCheckResult | null | undefined;
    if (parsed.customDataset === null) {
      dataset = null;
      changes.push('Remove the custom dataset');
    } else if (parsed.customDataset !== undefined) {
      const r = await runCheck({ json: parsed.customDataset }, setBackupProgress).catch((e: Error) => {
        problems.push({ path: 'customDataset', message: e.message });
        return undefined;
      });
      if (r?.ok) {
        dataset = r;
        changes.push(`Custom dataset: ${r.entities.length} entries (replaces the current one)`);
      } else if (r) problems.push(...r.problems.map((p) => ({ path: `customDataset${p.path && !p.path.startsWith('[') ? '.' : ''}${p.path}`, message: p.message })));
    }
    const keys = Object.keys(parsed.settings ?? {});
    if (keys.length) changes.unshift(`${keys.length} setting${keys.length === 1 ? '' : 's'}: ${keys.join(', ')}`);
    if (parsed.hidden) changes.push(`${parsed.hidden.length} hidden name${parsed.hidden.length === 1 ? '' : 's'} (replaces the current list)`);
    if (parsed.choices) {
      const n = Object.values(parsed.choices).reduce((a, m) => a + Object.keys(m).length, 0);
      changes.push(`${n} remembered choice${n === 1 ? '' : 's'} (replaces the current ones)`);
    }
    const apply = async () => {
      if (keys.length) await replaceSettings({ ...current.current, ...parsed.settings });
      if (parsed.hidden) await setHidden(parsed.hidden);
      if (parsed.choices) await setChoices(parsed.choices);
      if (dataset === null) await clearCustomDataset();
      else if (dataset) await saveCustomDataset({ entities: dataset.entities, blockers: dataset.blockers, file: file.name });
    };
    setPreview({ file: file.name, changes, problems, apply });
  };

  if (!settings) return <main aria-busy="true">Loading…</main>;

  const addedSites: AddedSite[] = settings.addedSites.map((host) => ({ host, granted: granted[host] ?? null }));
  const datasetInfo = meta as DatasetInfo;
  return (
    <main>
      <header>
        <h1>Backstory options</h1>
        <p class="save-status" role="status">
          {status ? <span class={status.ok ? 'ok' : 'error'}>{status.text}</span> : null}
        </p>
      </header>
      <ResetNotice reset={reset} onDismiss={() => setReset([])} />
      <GeneralSection settings={settings} onChange={save} />
      <SitesSection
        builtin={NEWS_SITES}
        disabledSites={settings.disabledSites}
        addedSites={addedSites}
        addError={addError}
        onAdd={sites.add}
        onRemove={sites.remove}
        onGrant={sites.grant}
        onSetBuiltin={sites.setBuiltin}
        onEnable={sites.enable}
      />
      <KindsSection settings={settings} onChange={save} />
      <MarkingSection settings={settings} onChange={save} />
      <CardSection settings={settings} onChange={save} />
      <HiddenSection hidden={hidden.map((id) => ({ id, name: nameOf(id) }))} choices={choiceRows} onUnhide={unhide} onForget={forget} undo={undo} />
      <ShortcutSection commands={commands} browser={BROWSER} onOpenSettings={shortcutOpener()} />
      <DatasetSection
        meta={datasetInfo}
        custom={custom ? { file: custom.file, importedAt: custom.importedAt, entities: custom.entities.length, replaces: custom.entities.filter((e) => names.has(e.id)).length } : null}
        progress={customProgress}
        outcome={customOutcome}
        onImport={(f) => void importCustom(f)}
        onRemove={() => void clearCustomDataset().then(() => setCustomOutcome({ ok: true, message: 'The custom dataset was removed.' }))}
      />
      <BackupSection
        preview={preview}
        progress={backupProgress}
        message={backupMessage}
        onExport={() => void exportAll()}
        onImport={(f) => void importBackup(f)}
        onApply={() => {
          const p = preview;
          setPreview(null);
          p?.apply().then(
            () => setBackupMessage({ ok: true, text: `Imported ${p.file}.` }),
            (e: Error) => setBackupMessage({ ok: false, text: e.message }),
          );
        }}
        onCancel={() => setPreview(null)}
      />
    </main>
  );
}
