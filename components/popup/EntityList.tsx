/**
 * Every entity on the page, grouped by kind, in order of first appearance. Each row is one
 * button (jump to the first mention); arrow keys, Home and End move between rows across groups
 * (roving tab stop, so Tab leaves the list in one step).
 */
import { useRef, useState } from 'preact/hooks';
import type { EntityGroup } from '../../lib/popup/view-model';
import { mentions } from '../../lib/popup/format';

export interface EntityListProps {
  groups: EntityGroup[];
  onFocusEntity(id: string): void;
}

const NEXT: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };

export function EntityList(p: EntityListProps) {
  const root = useRef<HTMLDivElement>(null);
  const ids = p.groups.flatMap((g) => g.rows.map((r) => r.id));
  const [active, setActive] = useState<string | undefined>(undefined);
  const current = active && ids.includes(active) ? active : ids[0];

  const move = (e: KeyboardEvent) => {
    const from = ids.indexOf(current ?? '');
    let to: number;
    if (e.key in NEXT) to = Math.min(ids.length - 1, Math.max(0, from + NEXT[e.key]!));
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = ids.length - 1;
    else return;
    e.preventDefault();
    const id = ids[to];
    if (id === undefined) return;
    setActive(id);
    root.current?.querySelector<HTMLButtonElement>(`[data-entity="${id}"]`)?.focus();
  };

  return (
    <div class="entities" ref={root} onKeyDown={move}>
      {p.groups.map((g) => (
        <section key={g.kind} class={`group kind-${g.kind}`} aria-labelledby={`group-${g.kind}`}>
          <h2 id={`group-${g.kind}`}>
            {g.label} <span class="n">({g.rows.length})</span>
          </h2>
          <ul>
            {g.rows.map((r) => (
              <li key={r.id}>
                <button
                  type="button"
                  class="entity"
                  data-entity={r.id}
                  tabIndex={r.id === current ? 0 : -1}
                  onFocus={() => setActive(r.id)}
                  onClick={() => p.onFocusEntity(r.id)}
                  title="Show the first mention in the page"
                >
                  <span class="line">
                    <span class="name">{r.name}</span>
                    {r.ambiguous ? <span class="tag">ambiguous</span> : null}
                    <span class="count">
                      <span aria-hidden="true">×{r.count}</span>
                      <span class="sr-only">, {mentions(r.count)}</span>
                    </span>
                  </span>
                  {r.context ? <span class="ctx">{r.context}</span> : null}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
