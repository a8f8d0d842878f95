/** Dotted numeric versions ("11.1.2", "6.5"), compared component by component; missing parts are 0. */

const WELL_FORMED = /^\d{1,6}(?:\.\d{1,9}){0,4}$/;

/** True for the versions the table may name: 1 to 5 numeric parts, no leading/trailing dot. */
export function isWellFormedVersion(version: string): boolean {
  return WELL_FORMED.test(version);
}

/**
 * The leading numeric part of a UA version token ("7.0.1380(0x27000034)" → "7.0.1380"), keeping a
 * numeric build suffix some vendors add ("8.1.210-2020031819"), or null — also for a token of more
 * than six numeric parts ("1.1.1.1.1.1.1…"), which is no version.
 */
export function cleanVersion(raw: string | undefined | null): string | null {
  if (!raw) return null;
  const m = /^\d{1,9}(?:[._]\d{1,12}){0,5}(?:-\d{1,12})?/.exec(raw);
  // A seventh numeric part means a run of digits and dots, not a version anyone ships.
  if (!m || /^[._]\d/.test(raw.slice(m[0].length))) return null;
  return m[0].replace(/_/g, '.');
}

/** -1, 0 or 1, like a sort comparator. A part counts by its leading digits ("210-2020" → 210). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  const n = Math.max(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const x = Number.parseInt(pa[i] ?? '0', 10) || 0;
    const y = Number.parseInt(pb[i] ?? '0', 10) || 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export function majorVersion(version: string | null): number | null {
  if (version === null) return null;
  const major = Number.parseInt(version, 10);
  return Number.isNaN(major) ? null : major;
}
