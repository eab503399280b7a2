/**
 * Connections among the page's entities: one line per set of entities that share summits or
 * treaties, as a short timeline (items after the article date marked "later"). "More" shows
 * the items left out of the compact view.
 */
import { useState } from 'preact/hooks';
import type { ConnectionGroup, ConnectionItem } from '../../lib/popup/connections';

export interface ConnectionsProps {
  groups: ConnectionGroup[];
  /** Groups shown before "show all". */
  max?: number;
}

function Items(props: { label: string; items: ConnectionItem[] }) {
  if (!props.items.length) return null;
  const before = props.items.filter((i) => i.timing !== 'after');
  const after = props.items.filter((i) => i.timing === 'after');
  return (
    <p class="items">
      <span class="kind">{props.label}: </span>
      {before.map((i, n) => (
        <span key={i.id} class={`item ${i.timing}`} data-connection={i.id}>
          {n > 0 ? ', ' : ''}
          {i.label}
        </span>
      ))}
      {after.length ? (
        <span class="later">
          {before.length ? ' · ' : ''}
          <span class="tag">later</span>{' '}
          {after.map((i, n) => (
            <span key={i.id} class="item after" data-connection={i.id}>
              {n > 0 ? ', ' : ''}
              {i.label}
            </span>
          ))}
        </span>
      ) : null}
    </p>
  );
}

function Group(props: { group: ConnectionGroup }) {
  const g = props.group;
  const [all, setAll] = useState(false);
  const pick = (items: ConnectionItem[]) => (all ? items : items.filter((i) => i.compact));
  return (
    <li class="connection" data-group={g.key}>
      <p class="who">{g.who.map((w) => w.name).join(' · ')}</p>
      <Items label="Summits" items={pick(g.summits)} />
      <Items label="Treaties" items={pick(g.treaties)} />
      {g.more > 0 ? (
        <button type="button" class="link" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? 'Fewer' : `${g.more} more`}
        </button>
      ) : null}
    </li>
  );
}

export function Connections(p: ConnectionsProps) {
  const max = p.max ?? 5;
  const [all, setAll] = useState(false);
  const shown = all ? p.groups : p.groups.slice(0, max);
  return (
    <section class="connections" aria-labelledby="connections-title">
      <h2 id="connections-title">Connections</h2>
      {p.groups.length === 0 ? (
        <p class="muted">No shared summits or treaties among the entities on this page.</p>
      ) : (
        <>
          <ul>
            {shown.map((g) => (
              <Group key={g.key} group={g} />
            ))}
          </ul>
          {p.groups.length > max ? (
            <button type="button" class="link" aria-expanded={all} onClick={() => setAll(!all)}>
              {all ? 'Show fewer connections' : `Show all ${p.groups.length} connections`}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
