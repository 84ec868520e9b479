// Typed builders for Slack incoming-webhook bodies. They are bundled into snippets, so they are plain
// functions: the types come from the zod schemas, zod itself stays in the validator.
import type {
  SlackBlock, SlackContextBlock, SlackDividerBlock, SlackHeaderBlock, SlackMessage, SlackSectionBlock, SlackTextObject,
} from '../../destinations/slack/schema.js';

export type {
  SlackBlock, SlackContextBlock, SlackDividerBlock, SlackHeaderBlock, SlackMessage, SlackSectionBlock, SlackTextObject,
};

/** The request body. With blocks, `text` is what notifications show: always set it. */
export function slackMessage(message: SlackMessage): SlackMessage {
  return message;
}

/** A header: plain text only (no mrkdwn), at most 150 characters. */
export function slackHeader(text: string): SlackHeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text } };
}

/** A section of mrkdwn text (≤ 3,000 characters) and/or up to 10 two-column fields (≤ 2,000 each). */
export function slackSection(text?: string, fields?: readonly string[]): SlackSectionBlock {
  const section: SlackSectionBlock = { type: 'section' };
  if (text !== undefined) section.text = { type: 'mrkdwn', text };
  if (fields !== undefined) section.fields = fields.map((f) => ({ type: 'mrkdwn', text: f }));
  return section;
}

/** Small grey mrkdwn lines under a message (at most 10). */
export function slackContext(...texts: string[]): SlackContextBlock {
  return { type: 'context', elements: texts.map((text) => ({ type: 'mrkdwn', text })) };
}

export function slackDivider(): SlackDividerBlock {
  return { type: 'divider' };
}
