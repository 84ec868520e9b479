// The module a mapping sees as "dodo-transform": everything here may be bundled into a
// snippet, so it must stay free of Node APIs and side effects.
export { defineMapping, skip } from './define-mapping.js';
export type {
  EventHandler, EventHandlers, HttpMethod, Mapping, MappingResult, Send, Skip, WebhookContext,
} from './define-mapping.js';
export { EVENT_TYPES, isEventType } from '../events/event-types.js';
export type { EventType } from '../events/event-types.js';
export type { AnyDodoEvent, DodoEvent, EventData } from '../events/types.js';
export type { PayloadTypeOf } from '../events/payload-type.js';
export { CURRENCY_EXPONENTS, formatMoney, getCurrencyExponent, toMajorUnits } from '../helpers/money.js';
export { escapeDiscordMarkdown, escapeHtml, escapeSlackText } from '../helpers/escape.js';
export { truncate, truncateBytes, utf8Length } from '../helpers/truncate.js';
export { formatDate, toUnixMillis, toUnixSeconds } from '../helpers/dates.js';
export { splitName } from '../helpers/names.js';
export { resendBatch, resendEmail, RESEND_BATCH_URL, RESEND_EMAILS_URL, type ResendBatch, type ResendEmail, type ResendRequestOptions, type ResendTag } from '../destinations/resend-builders.js';
export { sendgridContacts, sendgridMail, SENDGRID_CONTACTS_URL, SENDGRID_MAIL_SEND_URL, type SendGridAddress, type SendGridContact, type SendGridContacts, type SendGridContent, type SendGridMail, type SendGridPersonalization, type SendGridRequestOptions } from '../destinations/sendgrid-builders.js';
export { autosendBulk, autosendMail, AUTOSEND_BULK_URL, AUTOSEND_SEND_URL, type AutoSendAddress, type AutoSendBulk, type AutoSendMail, type AutoSendRequestOptions } from '../destinations/autosend-builders.js';
export { mailerliteSubscriber, toMailerLiteDate, MAILERLITE_SUBSCRIBERS_URL, type MailerLiteRequestOptions, type MailerLiteStatus, type MailerLiteSubscriber } from '../destinations/mailerlite-builders.js';
export { keplarsEmail, KEPLARS_SEND_URL, type KeplarsEmail, type KeplarsPriority } from '../destinations/keplars-builders.js';
export { inngestBatch, inngestEvent, inngestEventUrl, type InngestBatch, type InngestEvent, type InngestRequestBody } from '../destinations/inngest-builders.js';
export { windmillArgs, windmillRunUrl, type WindmillArgs, type WindmillRunMode, type WindmillRunUrlOptions, type WindmillTargetKind } from '../destinations/windmill-builders.js';
export { zapierCatchHookUrl, zapierPayload, type ZapierCatchHookBody, type ZapierFlatPayload, type ZapierScalar } from '../destinations/zapier-builders.js';
export { n8nEvent, n8nWebhookUrl, type N8nWebhookBody, type N8nWebhookObject } from '../destinations/n8n-builders.js';
export { slackContext, slackDivider, slackHeader, slackMessage, slackSection, type SlackBlock, type SlackContextBlock, type SlackDividerBlock, type SlackHeaderBlock, type SlackMessage, type SlackSectionBlock, type SlackTextObject } from '../destinations/slack-builders.js';
export { discordColor, discordEmbed, discordMessage, type DiscordAllowedMentions, type DiscordEmbed, type DiscordEmbedField, type DiscordWebhookMessage } from '../destinations/discord-builders.js';
export { teamsAdaptiveCard, teamsFactSet, teamsRichText, teamsTextBlock, type TeamsAction, type TeamsAdaptiveCard, type TeamsCardOptions, type TeamsElement, type TeamsFact, type TeamsFactSet, type TeamsMessage, type TeamsRichTextBlock, type TeamsTextBlock, type TeamsTextRun } from '../destinations/microsoft-teams-builders.js';
export { hubspotContactUpsert, hubspotDate, hubspotEvent, hubspotObjectCreate, hubspotObjectUpdate, hubspotProperties, HUBSPOT_API_URL, type HubSpotBatchUpsert, type HubSpotContactInput, type HubSpotEvent, type HubSpotEventInput, type HubSpotObjectCreate, type HubSpotObjectUpdate, type HubSpotPropertyInput, type HubSpotPropertyValue, type HubSpotRequest, type HubSpotRequestOptions } from '../destinations/hubspot-builders.js';
export { closeAuthorization, closeCents, closeContact, closeCustomFields, closeLead, closeNote, closeOpportunity, CLOSE_API_URL, type CloseContactInput, type CloseLead, type CloseNestedContact, type CloseNote, type CloseOpportunity, type CloseRequest, type CloseRequestOptions, type CloseValuePeriod } from '../destinations/close-crm-builders.js';
export { loopsContactCreate, loopsContactUpdate, loopsEvent, loopsTransactional, LOOPS_API_URL, type LoopsContactCreate, type LoopsContactInput, type LoopsContactUpdate, type LoopsEvent, type LoopsEventInput, type LoopsEventProperties, type LoopsRequest, type LoopsRequestOptions, type LoopsTransactional } from '../destinations/loops-builders.js';
export { datafastPayment, DATAFAST_PAYMENTS_URL, type DataFastPayment, type DataFastRequest, type DataFastRequestOptions } from '../destinations/datafast-builders.js';
export { dubLead, dubSale, DUB_API_URL, type DubLead, type DubPaymentProcessor, type DubRequest, type DubRequestOptions, type DubSale } from '../destinations/dub-builders.js';
