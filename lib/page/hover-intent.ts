/**
 * Decides when a hover becomes a card: after a dwell on the same mark, never while the pointer
 * is travelling fast, hidden after a grace delay unless the pointer moves into the card.
 * Pure timing logic: it is fed pointer samples and hit-test results and calls back.
 */
import type { Hit } from './hit-test';

export interface HoverIntentOptions {
  dwellMs: () => number;
  hideMs: () => number;
  /** Show a card for this hit (still current when called). */
  onShow: (hit: Hit, pointerX: number) => void;
  /** Hide the card (unless pinned — the UI decides). */
  onHide: () => void;
  /** Is a card currently open? */
  isOpen: () => boolean;
  /** The pointer settled on a mark and the dwell began: a chance to fetch what the card needs. */
  onDwellStart?: (hit: Hit) => void;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
}

/** 10ten Reader's threshold: a pointer moving ≥ 0.5 px/ms is travelling, not reading. */
export const TRAVEL_SPEED = 0.5;

export class HoverIntent {
  private samples: { x: number; y: number; t: number }[] = [];
  private candidate: Hit | null = null;
  private dwellTimer: unknown = null;
  private hideTimer: unknown = null;
  private inCard = false;
  private shownMark: unknown = null;
  private lastX = 0;
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (t: unknown) => void;

  constructor(private readonly o: HoverIntentOptions) {
    this.now = o.now ?? (() => performance.now());
    this.setTimer = o.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = o.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  }

  /** Average speed over the recent samples, px/ms. */
  speed(): number {
    const s = this.samples;
    if (s.length < 2) return 0;
    const a = s[0]!;
    const b = s[s.length - 1]!;
    const dt = b.t - a.t;
    return dt > 0 ? Math.hypot(b.x - a.x, b.y - a.y) / dt : 0;
  }

  /** A pointer sample and what is under it. */
  move(x: number, y: number, hit: Hit | null): void {
    const t = this.now();
    this.lastX = x;
    this.samples.push({ x, y, t });
    while (this.samples.length > 4 || (this.samples.length > 1 && t - this.samples[0]!.t > 100)) this.samples.shift();
    const fast = this.speed() >= TRAVEL_SPEED;

    if (hit && this.shownMark === hit.mark && this.o.isOpen()) {
      this.cancelHide();
      return;
    }
    if (!hit || hit.mark !== this.candidate?.mark) this.cancelDwell();
    if (hit && !fast) {
      if (!this.dwellTimer) {
        this.candidate = hit;
        this.dwellTimer = this.setTimer(() => this.fire(), this.o.dwellMs());
        this.o.onDwellStart?.(hit);
      } else {
        this.candidate = hit; // same mark: keep the timer, refresh the rect
      }
    } else if (hit && fast) {
      this.candidate = null;
    }
    if (!hit && this.o.isOpen() && !this.inCard) this.scheduleHide();
  }

  /** The pointer left the page or the window lost focus. */
  leave(): void {
    this.cancelDwell();
    if (this.o.isOpen() && !this.inCard) this.scheduleHide();
  }

  pointerInCard(inside: boolean): void {
    this.inCard = inside;
    if (inside) this.cancelHide();
    else if (this.o.isOpen()) this.scheduleHide();
  }

  /** A card was opened by other means (keyboard, popup, tap). */
  shown(mark: unknown): void {
    this.shownMark = mark;
    this.cancelDwell();
    this.cancelHide();
  }

  hidden(): void {
    this.shownMark = null;
  }

  private fire(): void {
    this.dwellTimer = null;
    const hit = this.candidate;
    this.candidate = null;
    if (!hit) return;
    // A stale hover (pointer moved on, mark gone) never shows a late card.
    if (!hit.mark.range.startContainer.isConnected) return;
    this.shownMark = hit.mark;
    this.cancelHide();
    this.o.onShow(hit, this.lastX);
  }

  private scheduleHide(): void {
    if (this.hideTimer) return;
    this.hideTimer = this.setTimer(() => {
      this.hideTimer = null;
      if (this.inCard) return;
      this.shownMark = null;
      this.o.onHide();
    }, this.o.hideMs());
  }

  private cancelDwell(): void {
    if (this.dwellTimer) this.clearTimer(this.dwellTimer);
    this.dwellTimer = null;
    this.candidate = null;
  }

  private cancelHide(): void {
    if (this.hideTimer) this.clearTimer(this.hideTimer);
    this.hideTimer = null;
  }

  destroy(): void {
    this.cancelDwell();
    this.cancelHide();
  }
}
