/** Export everything to one JSON file and read it back, with a preview of what will change. */
import { FileInput, ProblemList, Section, type Problem } from './controls';
import { Progress, type ProgressState } from './Progress';

export interface BackupPreview {
  file: string;
  /** What applying will change, one line each ("12 settings", "3 hidden names"…). */
  changes: readonly string[];
  /** Parts of the file that will not be applied, with their paths. */
  problems: readonly Problem[];
}

export interface BackupSectionProps {
  preview: BackupPreview | null;
  progress: ProgressState | null;
  message: { ok: boolean; text: string } | null;
  onExport: () => void;
  onImport: (file: File) => void;
  onApply: () => void;
  onCancel: () => void;
}

export function BackupSection(p: BackupSectionProps) {
  return (
    <Section id="backup" title="Export and import" intro="One file with your settings, sites, hidden names, remembered choices and custom dataset.">
      <button type="button" onClick={p.onExport}>
        Export to a file
      </button>
      <FileInput id="backup-file" label="Import from a file" disabled={p.progress !== null} onFile={p.onImport} />
      <div aria-live="polite">{p.progress ? <Progress id="backup-progress" state={p.progress} /> : null}</div>
      {p.preview ? (
        <div class="preview" role="group" aria-labelledby="preview-title">
          <h3 id="preview-title">Import {p.preview.file}?</h3>
          {p.preview.changes.length ? (
            <ul>
              {p.preview.changes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          ) : (
            <p>Nothing in this file can be applied.</p>
          )}
          {p.preview.problems.length ? (
            <>
              <p>These parts will be skipped:</p>
              <ProblemList label="Skipped parts of the file" problems={p.preview.problems} />
            </>
          ) : null}
          <div class="buttons">
            <button type="button" class="primary" disabled={!p.preview.changes.length} onClick={p.onApply}>
              Apply
            </button>
            <button type="button" onClick={p.onCancel}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      <div role="status">{p.message ? <p class={p.message.ok ? 'ok' : 'error'}>{p.message.text}</p> : null}</div>
    </Section>
  );
}
