/** JSON parsing that says where a syntax error is, as a line and column the reader can find. */
export type JsonParse = { ok: true; value: unknown } | { ok: false; path: string; message: string };

export function parseJsonText(text: string): JsonParse {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!src.trim()) return { ok: false, path: '', message: 'the file is empty' };
  try {
    return { ok: true, value: JSON.parse(src) };
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    // V8: "… in JSON at position 123 (line 4 column 7)"; Firefox: "… at line 4 column 7 of the JSON data".
    const lc = /line (\d+) column (\d+)/.exec(raw);
    const pos = /position (\d+)/.exec(raw);
    let where = '';
    if (lc) where = `line ${lc[1]}, column ${lc[2]}`;
    else if (pos) {
      const before = src.slice(0, Number(pos[1]));
      const line = before.split('\n').length;
      where = `line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
    } else if (/end of (JSON input|data)/i.test(raw)) {
      const lines = src.trimEnd().split('\n');
      where = `line ${lines.length}, column ${(lines.at(-1) ?? '').length + 1} (end of file)`;
    }
    const message = raw.replace(/^JSON\.parse: /, '').replace(/\s*\(line \d+ column \d+\)|\s*at line \d+ column \d+ of the JSON data|\s*in JSON at position \d+/g, '');
    return { ok: false, path: where, message: `not valid JSON: ${message}` };
  }
}
