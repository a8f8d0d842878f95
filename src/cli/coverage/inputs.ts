/**
 * Opening the inputs of `coverage`: files (all opened before any is read, so a missing one fails
 * at once) or standard input, gzip recognised by its magic bytes and decompressed on the fly.
 */
import { close, createReadStream, fstat, fstatSync, open } from 'node:fs';
import { Readable, pipeline } from 'node:stream';
import { promisify } from 'node:util';
import { createGunzip } from 'node:zlib';

/** An input ready to read: its name as given, its stream, and its size when it is a file. */
export interface OpenInput {
  name: string;
  stream: NodeJS.ReadableStream;
  bytes: number | undefined;
  /** The descriptor of a regular file, for reads at offsets (worker threads read ranges of it). */
  fd?: number;
  /** Releases the file, read or not (standard input is left alone). */
  close(): void;
}

/** A file that cannot be read, said plainly. */
export class InputError extends Error {
  override name = 'InputError';
}

/** Large reads: the callback-based stream with 1 MB chunks is the cheapest way through a big log. */
const CHUNK = 1024 * 1024;

const openFd = promisify(open);
const statFd = promisify(fstat);

const reasons: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
};

/** What went wrong with a file, for a person: `cannot read "x.log": no such file`. */
export function describeFailure(name: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why = (code && reasons[code]) ?? (error as Error | undefined)?.message ?? String(error);
  return `cannot read "${name}": ${why}`;
}

/** Opens every named file (`-` is standard input). Throws an {@link InputError} naming the first that fails. */
export async function openInputs(names: readonly string[], stdin: NodeJS.ReadableStream): Promise<OpenInput[]> {
  const inputs: OpenInput[] = [];
  try {
    for (const name of names)
      inputs.push(name === '-' ? { name, stream: checkedStdin(stdin), bytes: undefined, close: () => {} } : await openFile(name));
    return inputs;
  } catch (error) {
    for (const input of inputs) input.close();
    throw error;
  }
}

/**
 * Standard input, or a stream that fails as reading it would: Node reads a directory given as
 * standard input (`- < /`) as an empty stream, which would pass for an empty log.
 */
export function checkedStdin(stdin: NodeJS.ReadableStream): NodeJS.ReadableStream {
  if (stdin !== process.stdin) return stdin;
  let directory = false;
  try {
    directory = fstatSync(0).isDirectory();
  } catch {
    // no standard input to look at: reading it will tell
  }
  if (!directory) return stdin;
  const error = Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR' });
  return new Readable({
    read() {
      this.destroy(error);
    },
  });
}

async function openFile(name: string): Promise<OpenInput> {
  const fd = await openFd(name, 'r').catch((error: unknown) => {
    throw new InputError(describeFailure(name, error));
  });
  const stat = await statFd(fd);
  if (stat.isDirectory()) {
    close(fd, () => {});
    throw new InputError(describeFailure(name, { code: 'EISDIR' }));
  }
  const stream = createReadStream('', { fd, highWaterMark: CHUNK });
  const file = stat.isFile();
  return { name, stream, bytes: file ? stat.size : undefined, fd: file ? fd : undefined, close: () => stream.destroy() };
}

const isGzip = (head: Buffer) => head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;

/**
 * The bytes of an input, gunzipped when they start with gzip's magic bytes (whatever the name).
 * `onRead` sees the raw bytes as they come (compressed ones for gzip), for progress.
 */
export async function* contentOf(
  stream: NodeJS.ReadableStream,
  onRead: (bytes: number) => void,
  onGzip: () => void,
): AsyncGenerator<Buffer> {
  const source = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const next = async (): Promise<Buffer | undefined> => {
    const { done, value } = await source.next();
    if (done) return undefined;
    const chunk = typeof value === 'string' ? Buffer.from(value) : value;
    onRead(chunk.length);
    return chunk;
  };
  let head: Buffer = Buffer.alloc(0);
  while (head.length < 2) {
    const chunk = await next();
    if (chunk === undefined) break;
    head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
  }
  async function* raw(): AsyncGenerator<Buffer> {
    try {
      if (head.length > 0) yield head;
      for (let chunk = await next(); chunk !== undefined; chunk = await next()) yield chunk;
    } finally {
      await source.return?.();
    }
  }
  if (!isGzip(head)) {
    yield* raw();
    return;
  }
  onGzip();
  // pipeline carries a read error into the gunzip stream, so it surfaces where the lines are read.
  yield* pipeline(Readable.from(raw()), createGunzip(), () => {}) as AsyncIterable<Buffer>;
}
