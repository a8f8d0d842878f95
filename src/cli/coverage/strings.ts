/**
 * A copy of a string that holds no reference to the one it came from. V8 makes `line.slice(…)` a
 * view into `line`: keeping a user agent sliced from an 8 KB log line would keep the whole line.
 * Concatenating flattens into a new string; the slice of that holds one character more, no line.
 */
export function detached(text: string): string {
  return ` ${text}`.slice(1);
}
