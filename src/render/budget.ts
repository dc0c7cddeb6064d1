// A text builder with a hard UTF-8 byte budget, so a comment can never exceed GitHub's limit:
// every addition is checked against what must still follow it (closing fences, notes, footer).

export const byteLength = (text: string): number => Buffer.byteLength(text, 'utf8');

export class BudgetedText {
  private readonly lines: string[] = [];
  private used = 0;

  constructor(private readonly limit: number) {}

  /** Bytes still free if `reserve` more bytes must fit after what is added next. */
  free(reserve = 0): number {
    return this.limit - this.used - reserve;
  }

  /** Adds the lines when they fit with `reserve` bytes to spare; false (nothing added) otherwise. */
  tryAdd(lines: readonly string[], reserve = 0): boolean {
    const cost = lines.reduce((n, l) => n + byteLength(l) + 1, 0);
    if (cost > this.free(reserve)) return false;
    this.lines.push(...lines);
    this.used += cost;
    return true;
  }

  /**
   * Adds as many of `lines` as fit while keeping `reserve` bytes free; returns how many were left
   * out. Lines are kept whole, so truncation never splits a character or a value.
   */
  addWhileFits(lines: readonly string[], reserve: number): number {
    for (let i = 0; i < lines.length; i++) {
      if (!this.tryAdd([lines[i]], reserve)) return lines.length - i;
    }
    return 0;
  }

  toString(): string {
    return this.lines.join('\n');
  }
}

/** The first `limit` bytes of `text`, cut at a line end, with `note` appended (for the job summary). */
export function truncateBytes(
  text: string,
  limit: number,
  note: (omitted: number) => string,
): string {
  if (byteLength(text) <= limit) return text;
  const lines = text.split('\n');
  const out = new BudgetedText(limit);
  const reserve = byteLength(note(lines.length)) + 2;
  const omitted = out.addWhileFits(lines, reserve);
  out.tryAdd(['', note(omitted)]);
  return out.toString();
}
