/**
 * The element's version, read from the package.json the dev server serves (the demo runs from a
 * checkout, so this is the version of the code on the page). Read once.
 */
let version: Promise<string> | undefined;

export function elementVersion(): Promise<string> {
  version ??= fetch(new URL('../../package.json', import.meta.url))
    .then((r) => (r.ok ? (r.json() as Promise<{ version?: unknown }>) : { version: undefined }))
    .then((pkg) => (typeof pkg.version === 'string' ? pkg.version : 'unknown'))
    .catch(() => 'unknown');
  return version;
}
