import { describe, expect, it, vi } from 'vitest';
import type { Hit } from './hit-test';
import { HoverIntent } from './hover-intent';

function fakeHit(name: string, connected = true): Hit {
  return { mark: { entity: 1, text: name, range: { startContainer: { isConnected: connected } } } as never, rect: {} as DOMRect };
}

function setup(open = { v: false }) {
  let t = 0;
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  const shown: string[] = [];
  const dwells: string[] = [];
  let hides = 0;
  const intent = new HoverIntent({
    onDwellStart: (hit) => dwells.push((hit.mark as { text: string }).text),
    dwellMs: () => 300,
    hideMs: () => 300,
    isOpen: () => open.v,
    onShow: (hit) => {
      shown.push((hit.mark as { text: string }).text);
      open.v = true;
    },
    onHide: () => {
      hides++;
      open.v = false;
    },
    now: () => t,
    setTimer: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: t + ms, fn, id });
      return id;
    },
    clearTimer: (id) => {
      const i = timers.findIndex((x) => x.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
  });
  const advance = (ms: number) => {
    t += ms;
    for (;;) {
      const due = timers.filter((x) => x.at <= t).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers.splice(timers.indexOf(due), 1);
      due.fn();
    }
  };
  return { intent, shown, dwells, hides: () => hides, advance, open, moveTo: (x: number, hit: Hit | null) => intent.move(x, 100, hit) };
}

describe('hover intent', () => {
  it('announces the start of a dwell once per mark (to fetch card data early), not while travelling', () => {
    const s = setup();
    const yoon = fakeHit('Yoon');
    s.moveTo(10, yoon);
    s.advance(16);
    s.moveTo(10.2, yoon);
    expect(s.dwells).toEqual(['Yoon']);
    s.advance(20);
    s.moveTo(400, fakeHit('Kishida')); // 390 px in 20 ms: travelling
    expect(s.dwells).toEqual(['Yoon']);
    s.advance(200);
    s.moveTo(401, fakeHit('Kishida'));
    expect(s.dwells).toEqual(['Yoon', 'Kishida']);
  });

  it('shows after the dwell on the same mark, not before', () => {
    const s = setup();
    const hit = fakeHit('Yoon');
    s.moveTo(10, hit);
    s.advance(250);
    expect(s.shown).toEqual([]);
    s.advance(60);
    expect(s.shown).toEqual(['Yoon']);
  });

  it('does not start a dwell while the pointer travels fast', () => {
    const s = setup();
    s.moveTo(0, null);
    s.advance(10);
    s.moveTo(100, fakeHit('Yoon')); // 10 px/ms
    s.advance(400);
    expect(s.shown).toEqual([]);
  });

  it('never shows a stale card after the pointer moved off', () => {
    const s = setup();
    s.moveTo(10, fakeHit('Yoon'));
    s.advance(100);
    s.moveTo(10, null);
    s.advance(400);
    expect(s.shown).toEqual([]);
    const gone = fakeHit('Gone', false);
    s.moveTo(10, gone);
    s.advance(400);
    expect(s.shown).toEqual([]);
  });

  it('hides after the grace delay unless the pointer enters the card', () => {
    const s = setup();
    const hit = fakeHit('Kishida');
    s.moveTo(10, hit);
    s.advance(300);
    expect(s.open.v).toBe(true);
    s.moveTo(10, null);
    s.advance(200);
    s.intent.pointerInCard(true);
    s.advance(500);
    expect(s.hides()).toBe(0);
    s.intent.pointerInCard(false);
    s.advance(299);
    expect(s.hides()).toBe(0);
    s.advance(2);
    expect(s.hides()).toBe(1);
  });

  it('moving back onto the shown mark cancels a pending hide', () => {
    const s = setup();
    const hit = fakeHit('Biden');
    s.moveTo(10, hit);
    s.advance(300);
    s.moveTo(10, null);
    s.advance(100);
    s.moveTo(10, hit);
    s.advance(1000);
    expect(s.hides()).toBe(0);
    expect(s.shown).toEqual(['Biden']);
  });

  it('uses real timers by default', () => {
    vi.useFakeTimers();
    const onShow = vi.fn();
    const intent = new HoverIntent({ dwellMs: () => 50, hideMs: () => 50, isOpen: () => false, onShow, onHide: () => {} });
    intent.move(0, 0, fakeHit('A'));
    vi.advanceTimersByTime(60);
    expect(onShow).toHaveBeenCalledTimes(1);
    intent.destroy();
    vi.useRealTimers();
  });
});
