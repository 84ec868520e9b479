/** Stable codes: tests and the CLI key on them, the messages are for people. */
export type ConversionNoteCode =
  /** Code kept in a comment: for these events the mapping does not yet do what the snippet did. */
  | 'not-converted'
  /** A string compared with the event type that no Dodo event has: the branch never ran. */
  | 'unknown-event-type'
  /** Code outside `handler` copied to the module unchanged: it is JavaScript and needs types. */
  | 'copied-as-is'
  /** A webhook field the typed context does not declare: kept as is, the type checker flags it. */
  | 'untyped-webhook-field'
  /** A variable the snippet assigned without declaring it: declared with `let` (a module is strict). */
  | 'implicit-global';

export interface ConversionNote {
  code: ConversionNoteCode;
  message: string;
  /** 1-based line in the snippet. */
  line?: number;
}

/** One line per note, e.g. `legacy.js:12: reads webhook.payload after assigning it`. */
export function formatNote(note: ConversionNote, file: string): string {
  return `${file}${note.line !== undefined ? `:${note.line}` : ''}: ${note.message}`;
}

/** Collects notes once each: the same problem is met again for every event type. */
export class NoteSink {
  readonly notes: ConversionNote[] = [];
  private readonly seen = new Set<string>();

  add(note: ConversionNote): void {
    const key = `${note.code}\0${note.line ?? ''}\0${note.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.notes.push(note);
  }
}
