/** Saves text as a file through a Blob URL and an <a download>: no network, no downloads permission. */
export function downloadText(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The click starts the download synchronously; the URL must live until the browser read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
