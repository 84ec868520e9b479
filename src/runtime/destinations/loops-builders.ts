// Request builders for the Loops API, bundled into snippets: plain functions, types only from the schemas.
// Source: https://loops.so/docs/api-reference
import type {
  LoopsContactCreate, LoopsContactPropertyValue, LoopsContactUpdate, LoopsEvent, LoopsEventPropertyValue,
  LoopsMailingLists, LoopsTransactional,
} from '../../destinations/loops/schema.js';
export type { LoopsContactCreate, LoopsContactUpdate, LoopsEvent, LoopsTransactional } from '../../destinations/loops/schema.js';

export const LOOPS_API_URL = 'https://app.loops.so/api/v1';

/** A request a mapping handler can return as is. */
export interface LoopsRequest<T> {
  url: string;
  method: 'POST' | 'PUT';
  payload: T;
  /** Only with an apiKey: they replace the endpoint's headers. */
  headers?: Record<string, string>;
}

export interface LoopsRequestOptions {
  /** Sent as "Authorization: Bearer <key>" when set (e.g. webhook.env?.['LOOPS_API_KEY']). */
  apiKey?: string | undefined;
  /** Idempotency-Key (≤ 100 characters): Loops answers 409 to a repeat within 24 hours instead of sending twice. */
  idempotencyKey?: string | undefined;
}

function request<T>(path: string, method: 'POST' | 'PUT', payload: T, options?: LoopsRequestOptions): LoopsRequest<T> {
  const out: LoopsRequest<T> = { url: `${LOOPS_API_URL}${path}`, method, payload };
  if (options?.apiKey) {
    out.headers = { Authorization: `Bearer ${options.apiKey}`, 'Content-Type': 'application/json' };
    if (options.idempotencyKey) out.headers['Idempotency-Key'] = options.idempotencyKey.slice(0, 100);
  }
  return out;
}

/** email, userId, or both (Loops matches on either). */
export type LoopsIdentity = { email: string; userId?: string } | { userId: string; email?: string };

/** Values may be null or undefined: those properties are left out (Loops rejects null event properties). */
export type LoopsEventProperties = Record<string, LoopsEventPropertyValue | null | undefined>;
/** undefined leaves a contact property alone; null resets it. */
export type LoopsContactProperties = Record<string, LoopsContactPropertyValue | undefined>;

export type LoopsEventInput = LoopsIdentity & {
  eventName: string;
  eventProperties?: LoopsEventProperties;
  mailingLists?: LoopsMailingLists;
  /** Set on the contact as the event is sent (e.g. firstName, lastName): sent as top-level keys. */
  contactProperties?: LoopsContactProperties;
};

function withoutEmpty<T>(values: Record<string, T | null | undefined>, keepNull: boolean): Record<string, T | null> {
  const out: Record<string, T | null> = {};
  for (const key of Object.keys(values)) {
    const value = values[key];
    if (value !== undefined && (keepNull || value !== null)) out[key] = value as T | null;
  }
  return out;
}

/** POST /events/send: `loopsEvent({ email, eventName: 'paymentSucceeded', eventProperties: { amount: 29.99 } })`. */
export function loopsEvent(input: LoopsEventInput, options?: LoopsRequestOptions): LoopsRequest<LoopsEvent> {
  const { contactProperties, eventProperties, ...fields } = input;
  const payload: LoopsEvent = { ...withoutEmpty(contactProperties ?? {}, true), ...fields };
  if (eventProperties) payload.eventProperties = withoutEmpty(eventProperties, false) as Record<string, LoopsEventPropertyValue>;
  return request('/events/send', 'POST', payload, options);
}

export type LoopsContactInput = {
  firstName?: string | null;
  lastName?: string | null;
  source?: string;
  subscribed?: boolean;
  userGroup?: string;
  mailingLists?: LoopsMailingLists;
  /** Custom contact properties (create them in Loops first), sent as top-level keys. */
  properties?: LoopsContactProperties;
};

/** POST /contacts/create (fails if the contact exists; prefer loopsContactUpdate, which upserts). */
export function loopsContactCreate(input: { email: string; userId?: string } & LoopsContactInput, options?: LoopsRequestOptions): LoopsRequest<LoopsContactCreate> {
  const { properties, ...fields } = input;
  return request('/contacts/create', 'POST', { ...withoutEmpty(properties ?? {}, true), ...fields }, options);
}

/** PUT /contacts/update: updates the contact matching email or userId, or creates it. */
export function loopsContactUpdate(input: LoopsIdentity & LoopsContactInput, options?: LoopsRequestOptions): LoopsRequest<LoopsContactUpdate> {
  const { properties, ...fields } = input;
  return request('/contacts/update', 'PUT', { ...withoutEmpty(properties ?? {}, true), ...fields }, options);
}

/** POST /transactional: sends the transactional email `transactionalId` to `email`. */
export function loopsTransactional(input: LoopsTransactional, options?: LoopsRequestOptions): LoopsRequest<LoopsTransactional> {
  return request('/transactional', 'POST', input, options);
}
