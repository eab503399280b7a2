/**
 * Main-thread cost of the extension on a page, from a Chromium trace (CDP Tracing on the page's
 * session) with V8's sampling profiler in it.
 *
 * Attribution, per top-level task (RunTask) on the page's renderer main thread:
 *   share  = samples whose stack has a frame from chrome-extension://<id>/ divided by all busy
 *            samples of the task (GC samples left out of both, so GC is charged pro rata);
 *   ours   = max(task time × share, time of our own EvaluateScript / FunctionCall events in it).
 * Everything our scripts run is counted this way: compile + evaluation of content.js, table
 * loading, walking, matching, range creation, highlight registration, observers, messaging.
 * "cpu" figures use the task's thread time (tdur), "wall" figures its duration (dur); on a
 * shared, oversubscribed machine wall time includes time the thread spent descheduled.
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  id?: string;
  args?: { data?: Record<string, unknown> & { url?: string }; name?: string } & Record<string, unknown>;
}

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'v8',
  'v8.execute',
  'blink.user_timing',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.cpu_profiler',
];

/** `--sampling normal` (1 ms) lowers the profiler's overhead; the default samples every ~100 µs. */
export let hires = true;
export function setSampling(mode: string | undefined): void {
  if (mode) hires = mode !== 'normal';
}

export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: TraceEvent[] }) => {
    for (const v of e.value) events.push(v);
  };
  const bus = cdp as unknown as { on(e: string, f: (x: never) => void): void; off(e: string, f: (x: never) => void): void; once(e: string, f: () => void): void };
  bus.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: hires ? [...CATEGORIES, 'disabled-by-default-v8.cpu_profiler.hires'] : CATEGORIES, excludedCategories: ['*'] },
  } as never);
  return async () => {
    const done = new Promise<void>((ok) => bus.once('Tracing.tracingComplete', () => ok()));
    await cdp.send('Tracing.end');
    await done;
    bus.off('Tracing.dataCollected', onData);
    return events;
  };
}

interface CpuNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url?: string; lineNumber?: number; columnNumber?: number; scriptId?: number | string };
}

export interface HotFrame {
  /** functionName @ url:line:col of our innermost frame (lines/cols 0-based, as in V8). */
  key: string;
  functionName: string;
  url: string;
  line: number;
  column: number;
  /** Native callee below our frame (DOM/builtin), if the sample was in one. */
  native?: string;
  wallMs: number;
}

export interface PageCost {
  found: boolean;
  /** Our main-thread time. */
  cpuMs: number;
  wallMs: number;
  /** Our part of the task where we did most (the longest stretch of ours without yielding). */
  longestCpuMs: number;
  longestWallMs: number;
  /** Duration of the longest task that ran any of our code (page work in it included). */
  longestTaskWallMs: number;
  tasks: number;
  /** content.js compile + top-level evaluation (EvaluateScript), thread time. */
  evaluateCpuMs: number;
  compileCpuMs: number;
  /** Samples: how many, and the typical interval (µs). */
  samples: number;
  sampleUs: number;
  hot: HotFrame[];
  scanMeasures: number[];
}

const median = (xs: number[]) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

export function analyzeTrace(events: TraceEvent[], extPrefix: string): PageCost {
  const empty: PageCost = {
    found: false, cpuMs: 0, wallMs: 0, longestCpuMs: 0, longestWallMs: 0, longestTaskWallMs: 0, tasks: 0,
    evaluateCpuMs: 0, compileCpuMs: 0, samples: 0, sampleUs: 0, hot: [], scanMeasures: [],
  };
  const isOurs = (url: unknown) => typeof url === 'string' && url.startsWith(extPrefix);
  // The renderer that ran our content script, and its main thread.
  const ev0 = events.find((e) => (e.name === 'EvaluateScript' || e.name === 'v8.compile') && isOurs(e.args?.data?.url));
  let pid = ev0?.pid;
  let tid = ev0?.tid;
  if (pid === undefined) {
    const fc = events.find((e) => e.name === 'FunctionCall' && isOurs(e.args?.data?.url));
    pid = fc?.pid;
    tid = fc?.tid;
  }
  if (pid === undefined || tid === undefined) return empty;
  const main = events.filter((e) => e.pid === pid && e.tid === tid);

  // Scan measures (user timing, async begin/end pairs).
  const scanMeasures: number[] = [];
  const begins = new Map<string, number>();
  for (const e of events) {
    if (e.name !== 'backstory:scan' || e.pid !== pid) continue;
    const k = String(e.id ?? (e.args as Record<string, unknown>)?.id2 ?? '');
    if (e.ph === 'b') begins.set(k, e.ts);
    else if (e.ph === 'e' && begins.has(k)) scanMeasures.push((e.ts - begins.get(k)!) / 1000);
  }

  // Top-level tasks.
  const tasks = main.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const top: TraceEvent[] = [];
  let end = -Infinity;
  for (const t of tasks) {
    if (t.ts >= end) {
      top.push(t);
      end = t.ts + t.dur!;
    }
  }

  // Our script events (outermost only).
  const ourEvents = main
    .filter((e) => e.ph === 'X' && (e.name === 'EvaluateScript' || e.name === 'FunctionCall') && isOurs(e.args?.data?.url))
    .sort((a, b) => a.ts - b.ts);
  const outer: TraceEvent[] = [];
  end = -Infinity;
  for (const e of ourEvents) {
    if (e.ts >= end) {
      outer.push(e);
      end = e.ts + (e.dur ?? 0);
    }
  }
  const evaluateCpuMs = main.filter((e) => e.name === 'EvaluateScript' && isOurs(e.args?.data?.url)).reduce((a, e) => a + (e.tdur ?? e.dur ?? 0), 0) / 1000;
  const compileCpuMs = main.filter((e) => e.name === 'v8.compile' && isOurs(e.args?.data?.url)).reduce((a, e) => a + (e.tdur ?? e.dur ?? 0), 0) / 1000;

  // The sampling profile of the main thread.
  const profiles = new Map<string, { tid: number; start: number; nodes: Map<number, CpuNode>; samples: number[]; deltas: number[] }>();
  for (const e of events) {
    if (e.name === 'Profile' && e.pid === pid) {
      profiles.set(String(e.id), { tid: e.tid, start: Number((e.args?.data as { startTime?: number })?.startTime ?? e.ts), nodes: new Map(), samples: [], deltas: [] });
    }
  }
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== pid) continue;
    const p = profiles.get(String(e.id));
    if (!p) continue;
    const d = e.args?.data as { cpuProfile?: { nodes?: CpuNode[]; samples?: number[] }; timeDeltas?: number[] };
    for (const n of d.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
    for (const s of d.cpuProfile?.samples ?? []) p.samples.push(s);
    for (const t of d.timeDeltas ?? []) p.deltas.push(t);
  }
  const prof = [...profiles.values()].find((p) => p.tid === tid) ?? [...profiles.values()][0];

  type Kind = 0 | 1 | 2 | 3 | 4; // ours, other busy, gc, idle/program-idle
  const sTime: number[] = [];
  const sKind: Kind[] = [];
  const sW: number[] = [];
  const sHot: Array<HotFrame | null> = [];
  if (prof) {
    const kindOf = new Map<number, { kind: Kind; hot: Omit<HotFrame, 'wallMs'> | null }>();
    const classify = (id: number) => {
      let c = kindOf.get(id);
      if (c) return c;
      const leaf = prof.nodes.get(id);
      let n = leaf;
      let ours: CpuNode | undefined;
      let native: string | undefined;
      while (n) {
        if (isOurs(n.callFrame.url)) {
          ours = n;
          break;
        }
        if (!n.callFrame.url && n.callFrame.functionName && !n.callFrame.functionName.startsWith('(')) native ??= n.callFrame.functionName;
        n = n.parent !== undefined ? prof.nodes.get(n.parent) : undefined;
      }
      const fn = leaf?.callFrame.functionName ?? '';
      let kind: Kind;
      if (ours) kind = 0;
      else if (fn === '(garbage collector)') kind = 2;
      else if (fn === '(idle)' || fn === '(root)') kind = 3;
      else kind = 1;
      const hot = ours
        ? {
            functionName: ours.callFrame.functionName || '(anonymous)',
            url: ours.callFrame.url!,
            line: ours.callFrame.lineNumber ?? 0,
            column: ours.callFrame.columnNumber ?? 0,
            ...(native ? { native } : {}),
            key: `${ours.callFrame.functionName || '(anonymous)'}@${ours.callFrame.url!.slice(extPrefix.length)}:${ours.callFrame.lineNumber}:${ours.callFrame.columnNumber}${native ? ` > ${native}` : ''}`,
          }
        : null;
      c = { kind, hot };
      kindOf.set(id, c);
      return c;
    };
    let t = prof.start;
    for (let i = 0; i < prof.samples.length; i++) {
      t += prof.deltas[i] ?? 0;
      sTime.push(t);
      const c = classify(prof.samples[i]!);
      sKind.push(c.kind);
      sHot.push(c.hot ? { ...c.hot, wallMs: 0 } : null);
    }
    for (let i = 0; i < sTime.length; i++) sW.push(Math.min(10_000, Math.max(0, (sTime[i + 1] ?? sTime[i]!) - sTime[i]!)));
  }

  // Per-task attribution.
  let cpu = 0;
  let wall = 0;
  let longestCpu = 0;
  let longestWall = 0;
  let longestTaskWall = 0;
  let ourTasks = 0;
  const hot = new Map<string, HotFrame>();
  let si = 0;
  let ei = 0;
  for (const task of top) {
    const t0 = task.ts;
    const t1 = task.ts + task.dur!;
    while (si < sTime.length && sTime[si]! < t0) si++;
    let ours = 0;
    let busy = 0;
    for (let j = si; j < sTime.length && sTime[j]! < t1; j++) {
      const k = sKind[j]!;
      if (k === 0) {
        ours += sW[j]!;
        busy += sW[j]!;
        const h = sHot[j]!;
        const agg = hot.get(h.key) ?? { ...h, wallMs: 0 };
        agg.wallMs += sW[j]! / 1000;
        hot.set(h.key, agg);
      } else if (k === 1) busy += sW[j]!;
    }
    while (ei < outer.length && outer[ei]!.ts < t0) ei++;
    let evWall = 0;
    let evCpu = 0;
    for (let j = ei; j < outer.length && outer[j]!.ts < t1; j++) {
      evWall += outer[j]!.dur ?? 0;
      evCpu += outer[j]!.tdur ?? outer[j]!.dur ?? 0;
    }
    if (ours === 0 && evWall === 0) continue;
    const share = busy > 0 ? ours / busy : 0;
    const tw = Math.max(evWall, task.dur! * share);
    const tc = Math.max(evCpu, (task.tdur ?? task.dur!) * share);
    ourTasks++;
    wall += tw;
    cpu += tc;
    longestWall = Math.max(longestWall, tw);
    longestCpu = Math.max(longestCpu, tc);
    longestTaskWall = Math.max(longestTaskWall, task.dur!);
  }
  return {
    found: true,
    cpuMs: cpu / 1000,
    wallMs: wall / 1000,
    longestCpuMs: longestCpu / 1000,
    longestWallMs: longestWall / 1000,
    longestTaskWallMs: longestTaskWall / 1000,
    tasks: ourTasks,
    evaluateCpuMs,
    compileCpuMs,
    samples: sTime.length,
    sampleUs: median(sW),
    hot: [...hot.values()].sort((a, b) => b.wallMs - a.wallMs),
    scanMeasures,
  };
}
