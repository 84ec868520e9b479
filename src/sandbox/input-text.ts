// Inputs serialised once for every snippet they are run with. A check runs the same few hundred
// samples for every snippet and its reference; JSON.stringify of each, every time, was a tenth of
// the host's busy time. A prepared input is an empty frozen token standing for the JSON text taken
// when it was made, so the text cannot go stale.

const TEXTS = new WeakMap<object, string>();

/** A token runMany accepts in place of `value`: the sandbox sends the JSON text of `value` as it is now. */
export function preparedInput(value: object): object {
  const text = JSON.stringify(value);
  if (typeof value !== 'object' || value === null || text === undefined) throw new TypeError('preparedInput: the input must be a JSON-serialisable object');
  const token = Object.freeze(Object.create(null) as object);
  TEXTS.set(token, text);
  return token;
}

/** The JSON text an input is sent as: the prepared text, else the input serialised now. */
export function inputText(input: object): string | undefined {
  return TEXTS.get(input) ?? JSON.stringify(input);
}
