/**
 * A one-line progress indicator on standard error — only when it is a terminal, so pipes and files
 * never see it. Bytes read (of the total when every input is a file), lines and lines per second.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update(bytes: number, lines: number): void;
  stop(): void;
}

const none: Progress = { update() {}, stop() {} };

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

export function startProgress(stream: NodeJS.WritableStream & { isTTY?: boolean }, totalBytes: number | undefined): Progress {
  if (!stream.isTTY) return none;
  const bar = new cliProgress.SingleBar({
    stream,
    fps: 5,
    clearOnComplete: true,
    format: (_options, params, payload: { lines?: number }) => {
      const lines = payload.lines ?? 0;
      const seconds = Math.max((Date.now() - params.startTime) / 1000, 0.001);
      const read = totalBytes
        ? `${megabytes(params.value)} of ${megabytes(totalBytes)} (${Math.floor(params.progress * 100)} %)`
        : megabytes(params.value);
      return `coverage: ${read} · ${lines.toLocaleString('en-US')} lines · ${Math.round(lines / seconds).toLocaleString('en-US')} lines/s`;
    },
  });
  bar.start(totalBytes ?? 0, 0, { lines: 0 });
  return {
    update: (bytes, lines) => bar.update(bytes, { lines }),
    stop: () => bar.stop(),
  };
}
