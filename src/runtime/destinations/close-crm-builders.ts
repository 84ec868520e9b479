// Request builders for Close's REST API, bundled into snippets: plain functions, types only from the schemas.
// Source: https://developer.close.com/api/resources (authentication: API key as the Basic user name)
import type { CloseCustomFields, CloseLead, CloseNestedContact, CloseNote, CloseOpportunity } from '../../destinations/close-crm/schema.js';
export type { CloseLead, CloseNestedContact, CloseNote, CloseOpportunity, CloseValuePeriod } from '../../destinations/close-crm/schema.js';

export const CLOSE_API_URL = 'https://api.close.com/api/v1';

/** A request a mapping handler can return as is. */
export interface CloseRequest<T> {
  url: string;
  method: 'POST' | 'PUT';
  payload: T;
  /** Only with an apiKey: they replace the endpoint's headers. */
  headers?: Record<string, string>;
}

export interface CloseRequestOptions {
  /** Sent as HTTP Basic auth (the key as user name, empty password) when set, e.g. webhook.env?.['CLOSE_API_KEY']. */
  apiKey?: string | undefined;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of an ASCII string (API keys are ASCII); the runtime has no btoa. */
function base64(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const n = (text.charCodeAt(i) << 16) | ((text.charCodeAt(i + 1) || 0) << 8) | (text.charCodeAt(i + 2) || 0);
    out += BASE64.charAt((n >> 18) & 63) + BASE64.charAt((n >> 12) & 63)
      + (i + 1 < text.length ? BASE64.charAt((n >> 6) & 63) : '=') + (i + 2 < text.length ? BASE64.charAt(n & 63) : '=');
  }
  return out;
}

/** The Authorization header for an API key: Basic auth with the key as user name and an empty password. */
export function closeAuthorization(apiKey: string): string {
  return `Basic ${base64(`${apiKey}:`)}`;
}

function request<T>(path: string, payload: T, options?: CloseRequestOptions): CloseRequest<T> {
  const out: CloseRequest<T> = { url: `${CLOSE_API_URL}${path}`, method: 'POST', payload };
  if (options?.apiKey) out.headers = { Authorization: closeAuthorization(options.apiKey), 'Content-Type': 'application/json' };
  return out;
}

/** Close wants money as integer cents: 29.99 → 2999, ¥4500 → 450000 (hundredths of the major unit). */
export function closeCents(majorUnits: number): number {
  return Math.round(majorUnits * 100);
}

export interface CloseContactInput {
  name?: string | null;
  title?: string | null;
  /** Addresses without a value (null, "") are left out: Close rejects empty entries. */
  emails?: readonly (string | null | undefined)[];
  phones?: readonly (string | null | undefined)[];
  /** The type label of every email and phone. @default "office" */
  type?: string;
}

/** A contact in Close's shape: emails and phones as [{ email, type }], never bare strings. */
export function closeContact(input: CloseContactInput): CloseNestedContact {
  const type = input.type ?? 'office';
  const contact: CloseNestedContact = {};
  if (input.name) contact.name = input.name;
  if (input.title) contact.title = input.title;
  const emails = (input.emails ?? []).filter((e): e is string => !!e).map((email) => ({ email, type }));
  const phones = (input.phones ?? []).filter((p): p is string => !!p).map((phone) => ({ phone, type }));
  if (emails.length) contact.emails = emails;
  if (phones.length) contact.phones = phones;
  return contact;
}

/** Custom field values by field id ("cf_…" or "custom.cf_…"); null and undefined values are left out. */
export function closeCustomFields(fields: Record<string, unknown>): CloseCustomFields {
  const out: CloseCustomFields = {};
  for (const [id, value] of Object.entries(fields)) {
    if (value !== undefined && value !== null && id !== '') out[`custom.${id.replace(/^custom\./, '')}`] = value;
  }
  return out;
}

/** POST /lead/: a lead (company or person) with its contacts nested. */
export function closeLead(lead: CloseLead, options?: CloseRequestOptions): CloseRequest<CloseLead> {
  return request('/lead/', lead, options);
}

/** POST /opportunity/: `value` in cents (closeCents), value_period "one_time" | "monthly" | "annual". */
export function closeOpportunity(opportunity: CloseOpportunity & { lead_id: string }, options?: CloseRequestOptions): CloseRequest<CloseOpportunity> {
  return request('/opportunity/', opportunity, options);
}

/** POST /activity/note/: a plain-text note on the lead `leadId`. */
export function closeNote(leadId: string, note: string, options?: CloseRequestOptions): CloseRequest<CloseNote> {
  return request('/activity/note/', { lead_id: leadId, note }, options);
}
