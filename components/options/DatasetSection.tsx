/** The bundled dataset's provenance, and the reader's custom dataset (import, status, removal). */
import { KIND_LABELS } from './labels';
import { FileInput, ProblemList, Section, type Problem } from './controls';
import { Progress, type ProgressState } from './Progress';
import { ENTITY_KINDS, type EntityKind } from '../../lib/settings/schema';

export interface DatasetInfo {
  asOf: string;
  licence: string;
  title?: string | undefined;
  counts: { entities: number; aliases: number; kinds: Record<EntityKind, number> };
}

export interface CustomInfo {
  file: string;
  importedAt: string;
  entities: number;
  /** How many of them replace bundled entries. */
  replaces: number;
}

export type ImportOutcome = { ok: true; message: string } | { ok: false; file: string; problems: readonly Problem[] };

export interface DatasetSectionProps {
  meta: DatasetInfo | null;
  custom: CustomInfo | null;
  progress: ProgressState | null;
  outcome: ImportOutcome | null;
  onImport: (file: File) => void;
  onRemove: () => void;
}

export function DatasetSection(p: DatasetSectionProps) {
  const m = p.meta;
  return (
    <Section id="dataset" title="Dataset">
      {m ? (
        <dl class="facts">
          {m.title ? (
            <>
              <dt>Title</dt>
              <dd>{m.title}</dd>
            </>
          ) : null}
          <dt>Facts as of</dt>
          <dd>
            <time dateTime={m.asOf}>{m.asOf}</time>
          </dd>
          <dt>Entries</dt>
          <dd>
            {m.counts.entities.toLocaleString()} ({ENTITY_KINDS.map((k) => `${m.counts.kinds[k]} ${KIND_LABELS[k].toLowerCase()}`).join(', ')})
          </dd>
          <dt>Names matched</dt>
          <dd>{m.counts.aliases.toLocaleString()}</dd>
          <dt>Licence</dt>
          <dd>{m.licence}</dd>
        </dl>
      ) : (
        <p class="empty">Dataset information is not available in this build.</p>
      )}

      <h3>Custom dataset</h3>
      <p class="intro">
        Add or correct entries with a JSON file in the dataset format: <code>{'{"entities": [ … ]}'}</code> or a list of entries, each as in the
        project's <code>data/</code> folder. An entry with the id of a bundled one replaces it. Nothing changes unless the whole file is valid.
      </p>
      {p.custom ? (
        <div class="row">
          <span class="grow">
            {p.custom.entities.toLocaleString()} entr{p.custom.entities === 1 ? 'y' : 'ies'}
            {p.custom.replaces ? ` (${p.custom.replaces} replacing bundled ones)` : ''} from <strong>{p.custom.file || 'a file'}</strong>
            {p.custom.importedAt ? `, imported ${p.custom.importedAt.slice(0, 10)}` : ''}
          </span>
          <button type="button" onClick={p.onRemove}>
            Remove custom dataset
          </button>
        </div>
      ) : (
        <p class="empty">No custom dataset.</p>
      )}
      <FileInput id="custom-file" label={p.custom ? 'Replace with a file' : 'Import a file'} disabled={p.progress !== null} onFile={p.onImport} />
      <div aria-live="polite">{p.progress ? <Progress id="custom-progress" state={p.progress} /> : null}</div>
      <div role="status">
        {p.outcome?.ok ? <p class="ok">{p.outcome.message}</p> : null}
        {p.outcome && !p.outcome.ok ? (
          <div class="error-box">
            <p>
              <strong>{p.outcome.file}</strong> was not imported: {p.outcome.problems.length} problem{p.outcome.problems.length === 1 ? '' : 's'}.
            </p>
            <ProblemList label="Problems in the file" problems={p.outcome.problems} />
          </div>
        ) : null}
      </div>
    </Section>
  );
}
