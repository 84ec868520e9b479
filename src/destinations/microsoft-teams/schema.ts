// Body of a Teams incoming webhook or Workflows ("When a Teams webhook request is received") request:
// a message whose attachments are Adaptive Cards.
// Sources: https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using
// ("Send Adaptive Cards using an Incoming Webhook") and https://adaptivecards.io/explorer/ (elements).
// Type-checked inside users' mappings (the builders import its types): zod only, no Node types, ES2020 library.
import * as z from 'zod';

export const TEAMS_ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Adaptive Cards overview (Copilot Studio): "Teams is also limited to version 1.5". */
export const TEAMS_MAX_CARD_VERSION = '1.5';

/** TextBlock / TextRun `color`: a named colour of the host's theme, never a hex value. */
export const TEAMS_COLORS = ['default', 'dark', 'light', 'accent', 'good', 'warning', 'attention'] as const;

const Color = z.string().superRefine((color, ctx) => {
  if ((TEAMS_COLORS as readonly string[]).includes(color.toLowerCase())) return;
  ctx.addIssue({
    code: 'custom', params: { code: 'teams.invalid-color' },
    message: `color ${JSON.stringify(color)} is not an Adaptive Card colour; cards use theme colours so they read in light and dark mode: use ${TEAMS_COLORS.map((c) => `"${c[0]?.toUpperCase()}${c.slice(1)}"`).join(', ')}`,
  });
});

/** Properties every element may carry. */
const common = {
  id: z.string().optional(),
  spacing: z.string().optional(),
  separator: z.boolean().optional(),
  isVisible: z.boolean().optional(),
  height: z.string().optional(),
};

const textStyle = {
  color: Color.optional(),
  size: z.string().optional(),
  weight: z.string().optional(),
  isSubtle: z.boolean().optional(),
  fontType: z.string().optional(),
};

/** Renders a subset of Markdown (bold, italic, lists, links): not for text from customers. */
export const TeamsTextBlockSchema = z.object({
  ...common, ...textStyle,
  type: z.literal('TextBlock'),
  text: z.string(),
  // Without wrap: true, Teams cuts the text at the end of the first line.
  wrap: z.boolean().optional(),
  maxLines: z.number().optional(),
  horizontalAlignment: z.string().optional(),
  style: z.string().optional(),
});

/** A run of text shown as is ("Markdown is not supported"): the place for customer-provided strings. */
export const TeamsTextRunSchema = z.object({
  ...textStyle,
  type: z.literal('TextRun'),
  text: z.string(),
  italic: z.boolean().optional(),
  strikethrough: z.boolean().optional(),
  underline: z.boolean().optional(),
  highlight: z.boolean().optional(),
});

export const TeamsRichTextBlockSchema = z.object({
  ...common,
  type: z.literal('RichTextBlock'),
  inlines: z.array(z.union([z.string(), TeamsTextRunSchema])),
  horizontalAlignment: z.string().optional(),
});

/** Fact titles and values render Markdown in Teams, like TextBlock. */
export const TeamsFactSetSchema = z.object({
  ...common,
  type: z.literal('FactSet'),
  facts: z.array(z.object({ title: z.string(), value: z.string() })),
});

export const TeamsImageSchema = z.object({
  ...common,
  type: z.literal('Image'),
  url: z.string(),
  altText: z.string().optional(),
  size: z.string().optional(),
  style: z.string().optional(),
  width: z.string().optional(),
  horizontalAlignment: z.string().optional(),
});

export const TeamsOpenUrlActionSchema = z.object({ type: z.literal('Action.OpenUrl'), url: z.string(), title: z.string().optional() });
export const TeamsToggleVisibilityActionSchema = z.object({
  type: z.literal('Action.ToggleVisibility'),
  title: z.string().optional(),
  targetElements: z.array(z.union([z.string(), z.record(z.string(), z.unknown())])),
});

/** Elements this tool knows but does not model: their contents are not checked. */
export const TEAMS_UNMODELLED_ELEMENTS = [
  'ImageSet', 'Media', 'Table', 'Input.Text', 'Input.Number', 'Input.Date', 'Input.Time', 'Input.Toggle', 'Input.ChoiceSet',
] as const;

const CommonSchema = z.object(common);
type TeamsCommon = z.input<typeof CommonSchema>;

/** Elements without children. */
export const TeamsLeafElementSchema = z.discriminatedUnion('type', [
  TeamsTextBlockSchema, TeamsRichTextBlockSchema, TeamsFactSetSchema, TeamsImageSchema,
  ...TEAMS_UNMODELLED_ELEMENTS.map((type) => z.looseObject({ ...common, type: z.literal(type) })),
]);
export type TeamsLeafElement = z.input<typeof TeamsLeafElementSchema>;

// Containers hold elements and ShowCard holds a card. TypeScript cannot infer a recursive
// schema's type, so the recursive shapes are spelt out here and the schemas below are checked against them.
export interface TeamsContainer extends TeamsCommon { type: 'Container'; style?: string | undefined; items: TeamsElement[] }
export interface TeamsColumn extends TeamsCommon { type?: 'Column' | undefined; width?: string | number | undefined; items?: TeamsElement[] | undefined }
export interface TeamsColumnSet extends TeamsCommon { type: 'ColumnSet'; columns: TeamsColumn[] }
export interface TeamsShowCardAction { type: 'Action.ShowCard'; title?: string | undefined; card: TeamsInnerCard }
export type TeamsAction = z.input<typeof TeamsOpenUrlActionSchema> | z.input<typeof TeamsToggleVisibilityActionSchema> | TeamsShowCardAction;
export interface TeamsActionSet extends TeamsCommon { type: 'ActionSet'; actions: TeamsAction[] }
export type TeamsElement = TeamsLeafElement | TeamsContainer | TeamsColumnSet | TeamsActionSet;

const ElementRef: z.ZodType<TeamsElement, TeamsElement> = z.lazy(() => TeamsElementSchema);
const ActionRef: z.ZodType<TeamsAction, TeamsAction> = z.lazy(() => TeamsActionSchema);

export const TeamsContainerSchema = z.object({ ...common, type: z.literal('Container'), style: z.string().optional(), items: z.array(ElementRef) });
export const TeamsColumnSchema = z.object({
  ...common, type: z.literal('Column').optional(), width: z.union([z.string(), z.number()]).optional(), items: z.array(ElementRef).optional(),
});
export const TeamsColumnSetSchema = z.object({ ...common, type: z.literal('ColumnSet'), columns: z.array(TeamsColumnSchema) });
export const TeamsActionSetSchema = z.object({ ...common, type: z.literal('ActionSet'), actions: z.array(ActionRef) });

const cardShape = {
  type: z.literal('AdaptiveCard'),
  $schema: z.string().optional(),
  body: z.array(ElementRef).optional(),
  actions: z.array(ActionRef).optional(),
  fallbackText: z.string().optional(),
  speak: z.string().optional(),
  lang: z.string().optional(),
  minHeight: z.string().optional(),
  // Teams-only: width "Full" uses the whole message column; entities carry @mentions.
  msteams: z.looseObject({ width: z.string().optional() }).optional(),
};

const CardVersion = z.string().regex(/^\d+\.\d+$/);
/** A top-level card: "version … is required for the top-level card" (AdaptiveCard element). */
export const TeamsAdaptiveCardSchema = z.object({ ...cardShape, version: CardVersion });
/** A card inside Action.ShowCard needs no version. */
export const TeamsInnerCardSchema = z.object({ ...cardShape, version: CardVersion.optional() });
export type TeamsInnerCard = z.input<typeof TeamsInnerCardSchema>;

export const TeamsShowCardActionSchema = z.object({ type: z.literal('Action.ShowCard'), title: z.string().optional(), card: TeamsInnerCardSchema });

/** Webhooks have no bot to receive Action.Submit or Action.Execute: only these actions work. */
export const TeamsActionSchema = z.discriminatedUnion('type', [
  TeamsOpenUrlActionSchema, TeamsShowCardActionSchema, TeamsToggleVisibilityActionSchema,
]);

export const TeamsElementSchema = z.discriminatedUnion('type', [
  ...TeamsLeafElementSchema.options, TeamsContainerSchema, TeamsColumnSetSchema, TeamsActionSetSchema,
]);

export const TEAMS_ELEMENT_TYPES: readonly string[] = [
  'TextBlock', 'RichTextBlock', 'FactSet', 'Image', 'Container', 'ColumnSet', 'ActionSet', ...TEAMS_UNMODELLED_ELEMENTS,
];

export const TeamsAttachmentSchema = z.object({
  contentType: z.literal(TEAMS_ADAPTIVE_CARD_CONTENT_TYPE),
  contentUrl: z.string().nullish(),
  name: z.string().optional(),
  content: TeamsAdaptiveCardSchema,
});

/** The JSON body POSTed to the webhook or workflow URL. */
export const TeamsMessageSchema = z.object({
  type: z.literal('message'),
  attachments: z.array(TeamsAttachmentSchema).min(1),
  summary: z.string().optional(),
  text: z.string().optional(),
});

export type TeamsTextBlock = z.input<typeof TeamsTextBlockSchema>;
export type TeamsTextRun = z.input<typeof TeamsTextRunSchema>;
export type TeamsRichTextBlock = z.input<typeof TeamsRichTextBlockSchema>;
export type TeamsFactSet = z.input<typeof TeamsFactSetSchema>;
export type TeamsFact = TeamsFactSet['facts'][number];
export type TeamsImage = z.input<typeof TeamsImageSchema>;
export type TeamsAdaptiveCard = z.input<typeof TeamsAdaptiveCardSchema>;
export type TeamsAttachment = z.input<typeof TeamsAttachmentSchema>;
export type TeamsMessage = z.input<typeof TeamsMessageSchema>;
