/** A labelled progress bar for long imports; indeterminate while the total is unknown. */
export interface ProgressState {
  label: string;
  done: number;
  total: number;
}

export function Progress(p: { id: string; state: ProgressState }) {
  const known = p.state.total > 0;
  return (
    <div class="progress">
      <label for={p.id}>{p.state.label}</label>
      {known ? <progress id={p.id} max={p.state.total} value={p.state.done} /> : <progress id={p.id} />}
      {known ? (
        <span aria-hidden="true">
          {' '}
          {p.state.done.toLocaleString()} / {p.state.total.toLocaleString()}
        </span>
      ) : null}
    </div>
  );
}
