// Inputs serialised once for every snippet they are run with. A check runs the same few hundred
// samples for every snippet and its reference; JSON.stringify of each, every time, was a tenth of
// the host's busy time. A prepared input is an empty frozen token standing for the JSON text taken
// when it was made, so the text cannot go stale.
//
// The samples differ by destination only in `url` (the card's form of URL): a token made with
// withInputUrl shares its base's text and carries the URL beside it, and the sandbox process sets
// it on the parsed input. Sending a text per sample and URL was ten times what a check wrote to
// the pipe (1,993 texts and 10.7 MB against 250 and 1.3 MB over the templates).

/** An input as it travels to a sandbox process: JSON text, and the URL that replaces its `url`. */
export interface SentInput {
  text: string;
  url?: string;
}

/** What a token stands for; `ownUrl`: the value had a string `url` of its own (withInputUrl may replace it). */
const SENT = new WeakMap<object, SentInput & { ownUrl?: boolean }>();

/** A token runMany accepts in place of `value`: the sandbox sends the JSON text of `value` as it is now. */
export function preparedInput(value: object): object {
  const text = JSON.stringify(value);
  if (typeof value !== 'object' || value === null || text === undefined) throw new TypeError('preparedInput: the input must be a JSON-serialisable object');
  const url = (value as { url?: unknown }).url;
  return token({ text, ownUrl: typeof url === 'string' && Object.prototype.hasOwnProperty.call(value, 'url') });
}

/**
 * The prepared input `base` with its `url` replaced by `url`: what the snippet sees is exactly
 * the base's JSON with that one value changed, in the same key order. The base must have a
 * string `url` of its own (its position is kept).
 */
export function withInputUrl(base: object, url: string): object {
  const sent = SENT.get(base);
  if (sent === undefined || sent.url !== undefined) throw new TypeError('withInputUrl: the base must be a token of preparedInput');
  if (typeof url !== 'string') throw new TypeError('withInputUrl: the URL must be a string');
  if (!sent.ownUrl) throw new TypeError('withInputUrl: the base input has no url of its own');
  return token({ text: sent.text, url });
}

function token(sent: SentInput & { ownUrl?: boolean }): object {
  const made = Object.freeze(Object.create(null) as object);
  SENT.set(made, sent);
  return made;
}

/** How an input is sent: the prepared text (and URL), else the input serialised now. */
export function sentInput(input: object): SentInput | undefined {
  const sent = SENT.get(input);
  if (sent !== undefined) return sent;
  const text = JSON.stringify(input);
  return text === undefined ? undefined : { text };
}
