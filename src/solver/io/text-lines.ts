// Splits benchmark text files into whitespace-separated tokens per line, keeping 1-based line numbers
// for error messages. The files use CRLF, tabs and trailing blanks, so all of those are ignored.

export interface TokenLine {
  lineNumber: number;
  tokens: string[];
}

/** Non-blank lines of `text`, each split on any whitespace. */
export function tokenizeLines(text: string): TokenLine[] {
  const lines: TokenLine[] = [];
  text.split(/\r?\n|\r/).forEach((line, index) => {
    const tokens = line.trim().split(/\s+/).filter((token) => token !== '');
    if (tokens.length > 0) lines.push({ lineNumber: index + 1, tokens });
  });
  return lines;
}

/** Parses every token of `line` as a finite number, or throws naming the file, line and token. */
export function parseNumbers(source: string, line: TokenLine): number[] {
  return line.tokens.map((token) => {
    const value = Number(token);
    if (!Number.isFinite(value)) {
      throw new Error(`${source} line ${line.lineNumber}: "${token}" is not a number`);
    }
    return value;
  });
}

/**
 * Parses `line` as exactly `names.length` numbers and returns them by name, or throws naming the line
 * and the expected layout (e.g. `expected 3 numbers (node x y), found 2`).
 */
export function parseFields<Name extends string>(
  source: string,
  line: TokenLine,
  names: readonly Name[],
): Record<Name, number> {
  const values = parseNumbers(source, line);
  if (values.length !== names.length) {
    throw new Error(
      `${source} line ${line.lineNumber}: expected ${names.length} numbers (${names.join(' ')}), found ${values.length}`,
    );
  }
  return Object.fromEntries(names.map((name, index) => [name, values[index]])) as Record<Name, number>;
}
