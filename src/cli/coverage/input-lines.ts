/**
 * The lines of one input, from text to tally: blank lines counted, the format detected from the
 * first non-blank lines (or given), each user agent classified or the line reported as bad. Pure:
 * the I/O hands it lines from a {@link LineSplitter}.
 */
import type { CoverageTally, InputSummary } from './aggregate.js';
import type { CachedClassifier } from './classifier.js';
import { DETECTION_SAMPLE, detectFormat, extractUserAgent, type InputFormat } from './formats.js';

/** Lines held back while the format is unknown, whatever they are: detection never holds more. */
const MAX_HELD = DETECTION_SAMPLE * 10;

export class InputLines {
  readonly #held: Array<[string | null, number]> = [];
  #nonBlankHeld = 0;

  constructor(
    readonly summary: InputSummary,
    private readonly tally: CoverageTally,
    private readonly classifier: CachedClassifier,
  ) {}

  /** Takes one line from the splitter: `null` is a line over the length limit. */
  readonly line = (line: string | null, lineNumber: number): void => {
    this.summary.lines = lineNumber;
    const format = this.summary.format;
    if (format !== null) {
      this.#classify(line, lineNumber, format);
      return;
    }
    this.#held.push([line, lineNumber]);
    if (line !== null && !isBlank(line)) this.#nonBlankHeld++;
    if (this.#nonBlankHeld >= DETECTION_SAMPLE || this.#held.length >= MAX_HELD) this.#decide();
  };

  /** The input has ended: lines still held are classified with what they tell. */
  end(): void {
    if (this.summary.format === null && this.#held.length > 0) this.#decide();
  }

  #decide(): void {
    const sample = this.#held.flatMap(([line]) => (line !== null && !isBlank(line) ? [line] : []));
    const format = detectFormat(sample);
    this.summary.format = format;
    for (const [line, lineNumber] of this.#held) this.#classify(line, lineNumber, format);
    this.#held.length = 0;
  }

  #classify(line: string | null, lineNumber: number, format: InputFormat): void {
    if (line === null) {
      this.tally.addBad(this.summary.name, lineNumber, 'too-long');
      return;
    }
    if (isBlank(line)) {
      this.tally.addBlank();
      return;
    }
    const userAgent = extractUserAgent(line, format);
    if (typeof userAgent === 'string') this.tally.add(this.classifier.classify(userAgent), userAgent);
    else this.tally.addBad(this.summary.name, lineNumber, userAgent.bad);
  }
}

function isBlank(line: string): boolean {
  return line.length === 0 || (line.charCodeAt(0) <= 0x20 && line.trim() === '');
}
