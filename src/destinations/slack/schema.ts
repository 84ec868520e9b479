// Request body of a Slack incoming webhook: a message with `text`, Block Kit `blocks` and legacy `attachments`.
// Sources: https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks (the body) and
// https://docs.slack.dev/reference/block-kit/blocks (each block's fields and limits).
// Type-checked inside users' mappings (the builders import its types): zod only, no Node types, ES2020 library.
import * as z from 'zod';
import { isRecord } from '../../util/json.js';

/** Block Kit limits, counted in UTF-16 code units (Slack says "characters"; this is the stricter count). */
export const SLACK_LIMITS = {
  // blocks: "up to 50 blocks in each message"
  blocks: 50,
  // section: text ≤ 3000, fields ≤ 10 items of ≤ 2000 each
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  // header: plain_text ≤ 150
  headerText: 150,
  // context: ≤ 10 elements
  contextElements: 10,
  // every block: block_id ≤ 255
  blockId: 255,
  // image: alt_text ≤ 2000, image_url ≤ 3000, title ≤ 2000
  imageAltText: 2000,
  imageUrl: 3000,
  imageTitle: 2000,
  // markdown block: 12,000 characters across all markdown blocks of a message
  markdownText: 12000,
  // chat.postMessage "Truncating content": text over 40,000 characters is truncated
  messageText: 40000,
} as const;

/** A text that Slack rejects when empty or longer than `max` (invalid_blocks). */
function limitedText(max: number, what: string) {
  return z.string().superRefine((text, ctx) => {
    if (text.length === 0) {
      ctx.addIssue({
        code: 'custom', params: { code: 'slack.empty-text' },
        message: `${what} is empty; Slack rejects the message (invalid_blocks): leave the block out, or write a placeholder such as "–" for missing values`,
      });
    } else if (text.length > max) {
      ctx.addIssue({
        code: 'custom', params: { code: 'slack.text-too-long' },
        message: `${what} is ${text.length} characters; Slack accepts at most ${max} and rejects the whole message (invalid_blocks): shorten it, e.g. truncate(text, ${max})`,
      });
    }
  });
}

const BlockId = z.string().max(SLACK_LIMITS.blockId);

const plainTextShape = (max: number, what: string) =>
  ({ type: z.literal('plain_text'), text: limitedText(max, what), emoji: z.boolean().optional() });
const mrkdwnShape = (max: number, what: string) =>
  ({ type: z.literal('mrkdwn'), text: limitedText(max, what), verbatim: z.boolean().optional() });

/** A `plain_text` text object (header text, image titles, button labels). */
export const slackPlainText = (max: number, what: string) => z.object(plainTextShape(max, what));
/** A `plain_text` or `mrkdwn` text object: the type is "mrkdwn", not "markdown". */
export const slackTextObject = (max: number, what: string) => z.discriminatedUnion('type', [
  z.object(plainTextShape(max, what)),
  z.object(mrkdwnShape(max, what)),
]);

export const SlackTextObjectSchema = slackTextObject(SLACK_LIMITS.sectionText, 'The text');

const ImageElement = z.object({
  type: z.literal('image'),
  image_url: z.string().max(SLACK_LIMITS.imageUrl).optional(),
  slack_file: z.record(z.string(), z.unknown()).optional(),
  alt_text: z.string().max(SLACK_LIMITS.imageAltText),
});

export const SlackSectionBlockSchema = z.object({
  type: z.literal('section'),
  block_id: BlockId.optional(),
  text: slackTextObject(SLACK_LIMITS.sectionText, 'Section text').optional(),
  fields: z.array(slackTextObject(SLACK_LIMITS.fieldText, 'A section field')).superRefine((fields, ctx) => {
    if (fields.length <= SLACK_LIMITS.sectionFields) return;
    ctx.addIssue({
      code: 'custom', params: { code: 'slack.too-many-fields' },
      message: `The section has ${fields.length} fields; Slack accepts at most ${SLACK_LIMITS.sectionFields}: split them over two sections`,
    });
  }, { when: (p) => Array.isArray(p.value) }).optional(),
  accessory: z.looseObject({ type: z.string() }).optional(),
  expand: z.boolean().optional(),
}).superRefine((section, ctx) => {
  if (section.text !== undefined || section.fields !== undefined) return;
  ctx.addIssue({
    code: 'custom', params: { code: 'slack.empty-section' },
    message: 'A section needs text or fields; Slack rejects an empty one (invalid_blocks): add text, or use a divider',
  });
});

export const SlackHeaderBlockSchema = z.object({
  type: z.literal('header'),
  block_id: BlockId.optional(),
  // header: the text "in the form of a plain_text text object": mrkdwn is rejected.
  text: slackPlainText(SLACK_LIMITS.headerText, 'Header text'),
});

export const SlackDividerBlockSchema = z.object({ type: z.literal('divider'), block_id: BlockId.optional() });

export const SlackContextBlockSchema = z.object({
  type: z.literal('context'),
  block_id: BlockId.optional(),
  elements: z.array(z.discriminatedUnion('type', [
    z.object(plainTextShape(Number.POSITIVE_INFINITY, 'Context text')),
    z.object(mrkdwnShape(Number.POSITIVE_INFINITY, 'Context text')),
    ImageElement,
  ])).min(1).superRefine((elements, ctx) => {
    if (elements.length <= SLACK_LIMITS.contextElements) return;
    ctx.addIssue({
      code: 'custom', params: { code: 'slack.too-many-fields' },
      message: `The context block has ${elements.length} elements; Slack accepts at most ${SLACK_LIMITS.contextElements}: merge some texts`,
    });
  }, { when: (p) => Array.isArray(p.value) }),
});

export const SlackImageBlockSchema = ImageElement.extend({
  block_id: BlockId.optional(),
  title: slackPlainText(SLACK_LIMITS.imageTitle, 'Image title').optional(),
}).superRefine((image, ctx) => {
  if (image.image_url !== undefined || image.slack_file !== undefined) return;
  ctx.addIssue({
    code: 'custom', path: ['image_url'], params: { code: 'schema.invalid' },
    message: 'An image block needs image_url (a public https URL) or slack_file',
  });
});

/** markdown block: standard Markdown (not mrkdwn); the 12,000-character total is checked by the destination. */
export const SlackMarkdownBlockSchema = z.object({ type: z.literal('markdown'), block_id: BlockId.optional(), text: z.string().min(1) });

/** Blocks whose contents are not modelled here (interactive or rich layouts): only their type is checked. */
export const SLACK_UNMODELLED_BLOCKS = ['actions', 'rich_text', 'input', 'file', 'video'] as const;
const unmodelled = SLACK_UNMODELLED_BLOCKS.map((type) => z.looseObject({ type: z.literal(type), block_id: BlockId.optional() }));

export const SlackBlockSchema = z.discriminatedUnion('type', [
  SlackSectionBlockSchema, SlackHeaderBlockSchema, SlackDividerBlockSchema, SlackContextBlockSchema,
  SlackImageBlockSchema, SlackMarkdownBlockSchema, ...unmodelled,
]);

export const SLACK_BLOCK_TYPES: readonly string[] = ['section', 'header', 'divider', 'context', 'image', 'markdown', ...SLACK_UNMODELLED_BLOCKS];

const Blocks = z.array(SlackBlockSchema).superRefine((blocks, ctx) => {
  if (blocks.length <= SLACK_LIMITS.blocks) return;
  ctx.addIssue({
    code: 'custom', params: { code: 'slack.too-many-blocks' },
    message: `The message has ${blocks.length} blocks; Slack accepts at most ${SLACK_LIMITS.blocks} per message: send a summary, or split it into several messages`,
  });
}, { when: (p) => Array.isArray(p.value) });

/** Legacy secondary attachments (still rendered below the blocks); `color` is a hex string here. */
export const SlackAttachmentSchema = z.looseObject({
  color: z.string().optional(),
  fallback: z.string().optional(),
  text: z.string().optional(),
  pretext: z.string().optional(),
  title: z.string().optional(),
  blocks: Blocks.optional(),
  fields: z.array(z.looseObject({ title: z.string().optional(), value: z.string().optional(), short: z.boolean().optional() })).optional(),
});

function hasContent(message: Record<string, unknown>): boolean {
  const { text, blocks, attachments } = message;
  // A text of the wrong type counts as given: the type error says what is wrong with it.
  return (text != null && (typeof text !== 'string' || text.trim() !== '')) || (Array.isArray(blocks) && blocks.length > 0)
    || (Array.isArray(attachments) && attachments.length > 0);
}

/** The JSON body POSTed to https://hooks.slack.com/services/T…/B…/…. */
export const SlackMessageSchema = z.object({
  // With blocks, `text` is the fallback shown in notifications; without, it is the message.
  text: z.string().optional(),
  blocks: Blocks.optional(),
  attachments: z.array(SlackAttachmentSchema).optional(),
  mrkdwn: z.boolean().optional(),
  thread_ts: z.string().optional(),
  reply_broadcast: z.boolean().optional(),
  unfurl_links: z.boolean().optional(),
  unfurl_media: z.boolean().optional(),
  // Ignored by webhooks of Slack apps (they post as the app, to the channel chosen at install).
  channel: z.string().optional(),
  username: z.string().optional(),
  icon_emoji: z.string().optional(),
  icon_url: z.string().optional(),
}).superRefine((message, ctx) => {
  if (hasContent(message)) return;
  ctx.addIssue({
    code: 'custom', path: ['text'], params: { code: 'slack.missing-text' },
    message: 'The message has no text, blocks or attachments; Slack answers 400 no_text: set text (and blocks for layout)',
  });
}, { when: (p) => isRecord(p.value) });

export type SlackPlainText = z.infer<ReturnType<typeof slackPlainText>>;
export type SlackTextObject = z.infer<typeof SlackTextObjectSchema>;
export type SlackSectionBlock = z.input<typeof SlackSectionBlockSchema>;
export type SlackHeaderBlock = z.input<typeof SlackHeaderBlockSchema>;
export type SlackDividerBlock = z.input<typeof SlackDividerBlockSchema>;
export type SlackContextBlock = z.input<typeof SlackContextBlockSchema>;
export type SlackImageBlock = z.input<typeof SlackImageBlockSchema>;
export type SlackMarkdownBlock = z.input<typeof SlackMarkdownBlockSchema>;
export type SlackBlock = z.input<typeof SlackBlockSchema>;
export type SlackAttachment = z.input<typeof SlackAttachmentSchema>;
export type SlackMessage = z.input<typeof SlackMessageSchema>;
