// Request builders for HubSpot's CRM v3 objects and custom events, bundled into snippets:
// plain functions, types only from the schemas.
// Source: https://developers.hubspot.com/docs/api-reference/crm-contacts-v3/guide
import { toUnixMillis } from '../helpers/dates.js';
import type {
  HubSpotAssociation, HubSpotBatchUpsert, HubSpotEvent, HubSpotObjectCreate, HubSpotObjectUpdate, HubSpotProperties,
  HubSpotPropertyValue,
} from '../../destinations/hubspot/schema.js';
export type { HubSpotBatchUpsert, HubSpotEvent, HubSpotObjectCreate, HubSpotObjectUpdate, HubSpotPropertyValue } from '../../destinations/hubspot/schema.js';

export const HUBSPOT_API_URL = 'https://api.hubapi.com';

/** A request a mapping handler can return as is. */
export interface HubSpotRequest<T> {
  url: string;
  method: 'POST' | 'PATCH';
  payload: T;
  /** Only with an accessToken: they replace the endpoint's headers. */
  headers?: Record<string, string>;
}

export interface HubSpotRequestOptions {
  /** A private app access token (pat-…), sent as "Authorization: Bearer <token>" when set. */
  accessToken?: string | undefined;
}

function request<T>(url: string, method: 'POST' | 'PATCH', payload: T, options?: HubSpotRequestOptions): HubSpotRequest<T> {
  const out: HubSpotRequest<T> = { url, method, payload };
  if (options?.accessToken) out.headers = { Authorization: `Bearer ${options.accessToken}`, 'Content-Type': 'application/json' };
  return out;
}

/** null and undefined mean "not known" and are left out; send "" to clear a property on purpose. */
export type HubSpotPropertyInput = Record<string, HubSpotPropertyValue | null | undefined>;

/** Properties without their null and undefined values. */
export function hubspotProperties(input: HubSpotPropertyInput): HubSpotProperties {
  const out: HubSpotProperties = {};
  for (const [name, value] of Object.entries(input)) if (value !== undefined && value !== null) out[name] = value;
  return out;
}

/**
 * A value for a HubSpot *date* property: midnight UTC of the ISO timestamp's day, in Unix milliseconds
 * (date properties reject any other time of day). Datetime properties take toUnixMillis(iso) instead.
 */
export function hubspotDate(iso: string): number {
  const day = 86400000;
  return Math.floor(toUnixMillis(iso) / day) * day;
}

export interface HubSpotContactInput {
  email: string;
  properties?: HubSpotPropertyInput;
}

/**
 * POST /crm/v3/objects/contacts/batch/upsert by email: creates the contact or updates the one with that email.
 * Unlike POST /contacts (409 once the contact exists), it can be sent on every event.
 */
export function hubspotContactUpsert(contacts: HubSpotContactInput | readonly HubSpotContactInput[], options?: HubSpotRequestOptions): HubSpotRequest<HubSpotBatchUpsert> {
  const list = Array.isArray(contacts) ? contacts : [contacts as HubSpotContactInput];
  const inputs = list.map((c) => ({ idProperty: 'email', id: c.email, properties: hubspotProperties({ ...c.properties, email: c.email }) }));
  return request(`${HUBSPOT_API_URL}/crm/v3/objects/contacts/batch/upsert`, 'POST', { inputs }, options);
}

/** POST /crm/v3/objects/{objectType}: a new record (e.g. a deal), optionally associated by HubSpot record IDs. */
export function hubspotObjectCreate(objectType: string, properties: HubSpotPropertyInput, associations?: HubSpotAssociation[], options?: HubSpotRequestOptions): HubSpotRequest<HubSpotObjectCreate> {
  const payload: HubSpotObjectCreate = { properties: hubspotProperties(properties) };
  if (associations) payload.associations = associations;
  return request(`${HUBSPOT_API_URL}/crm/v3/objects/${objectType}`, 'POST', payload, options);
}

/**
 * PATCH /crm/v3/objects/{objectType}/{id}: `id` is a HubSpot record ID, or a value of the unique `idProperty`.
 * The runtime honours PATCH only in newer versions; hubspotContactUpsert works everywhere.
 */
export function hubspotObjectUpdate(objectType: string, id: string, properties: HubSpotPropertyInput, idProperty?: string, options?: HubSpotRequestOptions): HubSpotRequest<HubSpotObjectUpdate> {
  const query = idProperty ? `?idProperty=${encodeURIComponent(idProperty)}` : '';
  return request(`${HUBSPOT_API_URL}/crm/v3/objects/${objectType}/${encodeURIComponent(id)}${query}`, 'PATCH', { properties: hubspotProperties(properties) }, options);
}

export type HubSpotEventInput = Omit<HubSpotEvent, 'properties'> & { properties?: HubSpotPropertyInput };

/** POST /events/v3/send: one occurrence of the custom event `eventName` (pe{HubID}_{name}). */
export function hubspotEvent(input: HubSpotEventInput, options?: HubSpotRequestOptions): HubSpotRequest<HubSpotEvent> {
  const { properties, ...fields } = input;
  const payload: HubSpotEvent = { ...fields };
  if (properties) payload.properties = hubspotProperties(properties);
  return request(`${HUBSPOT_API_URL}/events/v3/send`, 'POST', payload, options);
}
