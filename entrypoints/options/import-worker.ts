/**
 * Checks an imported custom dataset off the page's thread, so a 10 MB file never freezes the
 * options page. In: { file } or { json }, plus the bundled index. Out: progress messages, then
 * the result.
 */
import './jitless';
import { checkCustomDataset, checkCustomDatasetText, type BundledIndex, type ImportProgress } from '../../lib/settings/custom-import';
import type { WorkerReply, WorkerRequest } from './checker';

const noYield = () => Promise.resolve();

self.onmessage = async (ev: MessageEvent<WorkerRequest>) => {
  const { bundled, file, json } = ev.data;
  const post = (m: WorkerReply) => self.postMessage(m);
  const onProgress = (progress: ImportProgress) => post({ type: 'progress', progress });
  try {
    const opts = { onProgress, yieldFn: noYield, batch: 500 };
    const result = file ? await checkCustomDatasetText(await file.text(), bundled as BundledIndex, opts) : await checkCustomDataset(json, bundled, opts);
    post({ type: 'result', result });
  } catch (e) {
    post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
};
