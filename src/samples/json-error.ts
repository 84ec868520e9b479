/*
 * Where a JSON text first goes wrong. V8's JSON.parse messages only sometimes carry
 * a position, and some quote the whole input; this scanner supplies a line and
 * column for every case.
 */

export interface JsonSyntaxError {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  message: string;
}

class ScanError extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

function scan(text: string): void {
  let i = 0;
  const fail = (expected: string): never => {
    const found = i >= text.length ? 'end of input' : JSON.stringify(text[i]);
    throw new ScanError(i, `expected ${expected}, found ${found}`);
  };
  const skipSpace = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const expect = (char: string, what = `'${char}'`): void => {
    if (text[i] !== char) fail(what);
    i++;
  };
  const string = (): void => {
    expect('"', 'a double-quoted string');
    for (;;) {
      const c = text[i];
      if (c === undefined) fail("'\"' closing the string");
      else if (c === '"') return void i++;
      else if (c === '\\') {
        const escape = /^(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.exec(text.slice(i + 1, i + 6));
        i++;
        if (!escape) fail('a valid escape sequence');
        else i += escape[0].length;
      } else if (c < ' ') fail('no control characters inside a string');
      else i++;
    }
  };
  const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (): void => {
    skipSpace();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      skipSpace();
      if (text[i] === close) return void i++;
      for (;;) {
        skipSpace();
        if (c === '{') {
          string();
          skipSpace();
          expect(':');
        }
        value();
        skipSpace();
        if (text[i] === ',') i++;
        else return expect(close, `',' or '${close}'`);
      }
    }
    if (c === '"') return string();
    number.lastIndex = i;
    const match = number.exec(text);
    if (match) return void (i += match[0].length);
    const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
    if (literal) return void (i += literal.length);
    fail('a JSON value');
  };
  value();
  skipSpace();
  if (i < text.length) fail('end of input after the JSON value');
}

/** Parses `text` as JSON, or says where and why it is not JSON. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (cause) {
    let offset = 0;
    let message = cause instanceof Error ? cause.message.slice(0, 200) : String(cause);
    try {
      scan(text);
    } catch (error) {
      // Anything else (say, nesting too deep for the recursion) keeps V8's message.
      if (error instanceof ScanError) ({ offset, message } = error);
    }
    const before = text.slice(0, offset).split('\n');
    return { ok: false, error: { line: before.length, column: (before.at(-1)?.length ?? 0) + 1, message } };
  }
}
