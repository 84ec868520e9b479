// Typed builders for Microsoft Teams webhook bodies (Adaptive Cards in a message envelope). They are
// bundled into snippets, so they are plain functions: the types come from the zod schemas.
import type {
  TeamsAction, TeamsAdaptiveCard, TeamsElement, TeamsFact, TeamsFactSet, TeamsMessage, TeamsRichTextBlock, TeamsTextBlock,
  TeamsTextRun,
} from '../../destinations/microsoft-teams/schema.js';

export type {
  TeamsAction, TeamsAdaptiveCard, TeamsElement, TeamsFact, TeamsFactSet, TeamsMessage, TeamsRichTextBlock, TeamsTextBlock,
  TeamsTextRun,
};

/** The card's fields; `version` defaults to "1.2" (Teams renders up to 1.5). */
export type TeamsCardOptions = Omit<TeamsAdaptiveCard, 'type' | 'version'> & { version?: string; summary?: string };

/** The whole request body: { type: "message", attachments: [one Adaptive Card] }. */
export function teamsAdaptiveCard(options: TeamsCardOptions): TeamsMessage {
  const { summary, version, ...card } = options;
  const message: TeamsMessage = {
    type: 'message',
    attachments: [{
      contentType: 'application/vnd.microsoft.card.adaptive',
      contentUrl: null,
      content: { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: version ?? '1.2', ...card },
    }],
  };
  if (summary !== undefined) message.summary = summary;
  return message;
}

/** A TextBlock that wraps (without wrap, Teams cuts text at the first line). Renders Markdown: not for customer text. */
export function teamsTextBlock(text: string, style?: Omit<TeamsTextBlock, 'type' | 'text'>): TeamsTextBlock {
  return { type: 'TextBlock', text, wrap: true, ...style };
}

/** Text shown exactly as given (TextRun does not render Markdown): use it for names, reasons, comments. */
export function teamsRichText(...inlines: Array<string | TeamsTextRun>): TeamsRichTextBlock {
  return { type: 'RichTextBlock', inlines: inlines.map((i) => (typeof i === 'string' ? { type: 'TextRun', text: i } : i)) };
}

/** Title/value rows. Both render Markdown in Teams: put customer text in teamsRichText instead. */
export function teamsFactSet(facts: readonly TeamsFact[]): TeamsFactSet {
  return { type: 'FactSet', facts: [...facts] };
}
