/**
 * A limit on wrong receipts that records nothing about who guessed (issue 12, item 2): one count for the whole
 * installation, in fixed windows. Once `max` wrong receipts have been entered in a window, every receipt is refused
 * until the window ends, whoever enters it. Nobody is singled out because nobody is told apart: no address, no
 * cookie, no device. The cost is that someone guessing can make everyone wait; that is preferred to keeping who
 * guessed. Pure: the time is given.
 */
export interface GuessLimitOptions {
  readonly max: number;
  readonly windowMs: number;
}

export const DEFAULT_GUESS_LIMIT: GuessLimitOptions = { max: 30, windowMs: 15 * 60 * 1000 };

export class GuessLimit {
  private windowStart = 0;
  private wrong = 0;

  constructor(private readonly options: GuessLimitOptions = DEFAULT_GUESS_LIMIT) {}

  private roll(nowMs: number): void {
    if (nowMs - this.windowStart >= this.options.windowMs) {
      this.windowStart = nowMs;
      this.wrong = 0;
    }
  }

  /** Whether a receipt may be tried now. */
  open(nowMs: number): boolean {
    this.roll(nowMs);
    return this.wrong < this.options.max;
  }

  /** Counts a wrong receipt. */
  recordWrong(nowMs: number): void {
    this.roll(nowMs);
    this.wrong += 1;
  }
}
