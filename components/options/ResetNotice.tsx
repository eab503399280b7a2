/** Says which stored settings were damaged and reset to their defaults. */
export function ResetNotice(p: { reset: readonly string[]; onDismiss: () => void }) {
  if (!p.reset.length) return null;
  return (
    <div class="notice" role="alert">
      <p>
        Some stored settings were damaged or unknown and were reset to their defaults: <strong>{p.reset.join(', ')}</strong>.
      </p>
      <button type="button" onClick={p.onDismiss}>
        OK
      </button>
    </div>
  );
}
