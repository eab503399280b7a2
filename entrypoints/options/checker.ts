/** Runs the custom-dataset check in a Worker, or on the page (with yields) where a Worker cannot start. */
import ImportWorker from './import-worker.ts?worker';
import { checkCustomDataset, checkCustomDatasetText, type BundledIndex, type CustomCheckResult, type ImportProgress } from '../../lib/settings/custom-import';

export interface WorkerRequest {
  bundled: BundledIndex;
  file?: File;
  json?: unknown;
}

export type WorkerReply =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'result'; result: CustomCheckResult }
  | { type: 'failed'; message: string };

export type CheckInput = { file: File } | { json: unknown };

function inWorker(input: CheckInput, bundled: BundledIndex, onProgress: (p: ImportProgress) => void): Promise<CustomCheckResult> {
  return new Promise((resolve, reject) => {
    const worker = new ImportWorker({ name: 'backstory-import' });
    let started = false;
    const done = () => worker.terminate();
    worker.onmessage = (ev: MessageEvent<WorkerReply>) => {
      started = true;
      const m = ev.data;
      if (m.type === 'progress') onProgress(m.progress);
      else if (m.type === 'result') {
        done();
        resolve(m.result);
      } else {
        done();
        reject(new Error(m.message));
      }
    };
    worker.onerror = (ev) => {
      done();
      ev.preventDefault();
      reject(Object.assign(new Error(ev.message || 'the import worker failed'), { beforeStart: !started }));
    };
    const req: WorkerRequest = { bundled, ...input };
    worker.postMessage(req);
  });
}

async function onPage(input: CheckInput, bundled: BundledIndex, onProgress: (p: ImportProgress) => void): Promise<CustomCheckResult> {
  if ('file' in input) return checkCustomDatasetText(await input.file.text(), bundled, { onProgress });
  return checkCustomDataset(input.json, bundled, { onProgress });
}

export async function checkDataset(input: CheckInput, bundled: BundledIndex, onProgress: (p: ImportProgress) => void): Promise<CustomCheckResult> {
  if (typeof Worker === 'undefined') return onPage(input, bundled, onProgress);
  try {
    return await inWorker(input, bundled, onProgress);
  } catch (e) {
    if ((e as { beforeStart?: boolean }).beforeStart) {
      console.warn('Backstory: import worker unavailable, checking on the page', e);
      return onPage(input, bundled, onProgress);
    }
    throw e;
  }
}
