/** Which of the three test engines this is, so a test can assert what that engine really does. */
export type Engine = 'chromium' | 'firefox' | 'webkit';

export const engine: Engine = /\bFirefox\//.test(navigator.userAgent)
  ? 'firefox'
  : /Chrom(?:e|ium)\//.test(navigator.userAgent)
    ? 'chromium'
    : 'webkit';

/** Every track of every stream handed out while a test ran, to assert none is left live. */
const seen = new Set<MediaStreamTrack>();
const realGetUserMedia = navigator.mediaDevices?.getUserMedia?.bind(navigator.mediaDevices);

/** A real camera stream from this engine's fake device, remembered for {@link liveTracks}. */
export async function realStream(constraints: MediaStreamConstraints = { video: true }): Promise<MediaStream> {
  const stream = await realGetUserMedia!(constraints);
  stream.getTracks().forEach((t) => seen.add(t));
  return stream;
}

/** Tracks handed out by {@link realStream} that are still live. */
export function liveTracks(): MediaStreamTrack[] {
  return [...seen].filter((t) => t.readyState !== 'ended');
}

/** Wraps the real getUserMedia so the tracks it returns are tracked too. */
export function trackedMediaDevices(): Pick<MediaDevices, 'getUserMedia'> {
  return { getUserMedia: (c?: MediaStreamConstraints) => realStream(c) };
}

export const nextTick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** Polls `ok` every 20 ms; throws after `ms` with what it was waiting for. */
export async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await nextTick(20);
  }
}
