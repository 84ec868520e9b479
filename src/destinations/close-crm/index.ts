// Close REST API v1: routes, methods, deprecated custom-field syntax and the rules the schemas cannot express.
// Source: https://developer.close.com/api/resources (leads, contacts, opportunities, activities)
import { isRecord, jsonPath } from '../../util/json.js';
import { defineDestination, error, issuesFor, KIB, warning } from '../define-destination.js';
import type { DestinationEndpoint, DestinationIssue, IssueClassifier } from '../define-destination.js';
import { describeValue } from '../describe-value.js';
import {
  CLOSE_VALUE_PERIODS, CloseContactSchema, CloseCustomActivitySchema, CloseLeadSchema, CloseNoteSchema, CloseOpportunitySchema,
} from './schema.js';

export * from './schema.js';

export const CLOSE_HOSTS = ['api.close.com'] as const;

// Close documents no request size limit: a sanity cap, reported as a warning.
export const CLOSE_SIZE_CAP_BYTES = 1024 * KIB;

interface CloseRoute extends DestinationEndpoint {
  match: RegExp;
  method: 'POST' | 'PUT';
  /** Named fields of the body (others must be "custom.cf_…"); undefined when the schema is strict about nothing else. */
  fields: ReadonlySet<string>;
  /** Creating this object without lead_id makes Close create an "Untitled" lead. */
  needsLead?: boolean;
}

type ObjectSchema = { shape: Record<string, unknown> } & DestinationEndpoint['schema'];

const route = (kind: string, path: string, pattern: string, method: CloseRoute['method'], schema: ObjectSchema, needsLead = false): CloseRoute => ({
  kind, path, method, schema, needsLead, sizeLimitBytes: CLOSE_SIZE_CAP_BYTES,
  match: new RegExp(`^/api/v1/${pattern}/?$`), fields: new Set(Object.keys(schema.shape)),
});

export const CLOSE_ENDPOINTS: readonly CloseRoute[] = [
  route('lead', '/api/v1/lead/', 'lead', 'POST', CloseLeadSchema),
  route('lead-update', '/api/v1/lead/{lead_id}/', 'lead/lead_\\w+', 'PUT', CloseLeadSchema),
  route('contact', '/api/v1/contact/', 'contact', 'POST', CloseContactSchema, true),
  route('contact-update', '/api/v1/contact/{contact_id}/', 'contact/cont_\\w+', 'PUT', CloseContactSchema),
  route('opportunity', '/api/v1/opportunity/', 'opportunity', 'POST', CloseOpportunitySchema, true),
  route('opportunity-update', '/api/v1/opportunity/{opportunity_id}/', 'opportunity/oppo_\\w+', 'PUT', CloseOpportunitySchema),
  route('note', '/api/v1/activity/note/', 'activity/note', 'POST', CloseNoteSchema),
  route('custom-activity', '/api/v1/activity/custom/', 'activity/custom', 'POST', CloseCustomActivitySchema),
];

const CODES = {
  'close.unknown-endpoint': error('a Close API host with a path that is not a lead, contact, opportunity or activity route'),
  'close.wrong-method': error('an update of a Close object sent with another method than PUT'),
  'close.missing-trailing-slash': warning('a Close route without its trailing slash'),
  'close.invalid-contact-entry': error('an emails, phones or urls entry that is not an object with a non-empty value (e.g. a bare string)'),
  'close.invalid-lead-id': error('a lead_id that is not a Close lead id ("lead_…")'),
  'close.missing-lead-id': warning('a contact or opportunity without lead_id: Close creates an "Untitled" lead for it'),
  'close.invalid-value': error('an opportunity value that is not a non-negative integer in cents'),
  'close.invalid-value-period': error('a value_period other than one_time, monthly or annual'),
  'close.invalid-confidence': error('a confidence that is not an integer from 0 to 100'),
  'close.missing-note': error('a note activity without note or note_html text'),
  'close.deprecated-custom-field': warning('custom fields set by name (a custom object or custom.<name>) instead of custom.cf_<id>'),
  'close.unknown-field': warning('a top-level field the route does not define and that is not a custom field: it is ignored'),
};
const issue = issuesFor(CODES);

function wrongMethod(method: string, endpoint: CloseRoute): DestinationIssue[] | undefined {
  if (endpoint.method === 'POST') return undefined;
  return [issue('close.wrong-method', '$', `Close updates ${endpoint.path} with PUT, not ${method}: set method "PUT"`)];
}

function trailingSlash(path: string): DestinationIssue[] {
  return path.endsWith('/') ? [] : [issue('close.missing-trailing-slash', '$', `Close's routes end in "/": send to ${path}/`, 'warning')];
}

/** Deprecated custom-field syntax, unknown fields, and creations that will make an "Untitled" lead. */
function fieldLints(payload: unknown, endpoint: CloseRoute): DestinationIssue[] {
  if (!isRecord(payload)) return [];
  const out: DestinationIssue[] = [];
  for (const key of Object.keys(payload)) {
    if (endpoint.fields.has(key) || /^custom\.cf_\w+$/.test(key)) continue;
    if (key === 'custom' || key.startsWith('custom.')) {
      out.push(issue('close.deprecated-custom-field', [key],
        `${key === 'custom' ? 'The "custom" object' : `"${key}"`} sets custom fields by name, which Close has deprecated and will remove: send each field as "custom.cf_<field id>": value (ids under Settings → Custom Fields)`,
        'warning'));
    } else {
      out.push(issue('close.unknown-field', [key], `${key} is not a field of ${endpoint.path}: Close ignores it. Use a custom field ("custom.cf_<id>") or the note`, 'warning'));
    }
  }
  if (endpoint.needsLead && payload['lead_id'] === undefined) {
    out.push(issue('close.missing-lead-id', ['lead_id'],
      `Without lead_id Close creates a new "Untitled" lead for this ${endpoint.kind}: set lead_id (a "lead_…" id), or create the lead with POST /api/v1/lead/ and nest the contact in it`,
      'warning'));
  }
  return out;
}

const classifyClose: IssueClassifier = ({ path, value }) => {
  const last = path.at(-1);
  const list = typeof last === 'number' ? path.at(-2) : path.at(-3);
  if (list === 'emails' || list === 'phones' || list === 'urls') {
    const key = list === 'emails' ? 'email' : list === 'phones' ? 'phone' : 'url';
    return issue('close.invalid-contact-entry', path,
      `${jsonPath(path)} is ${describeValue(value)}: ${list} is a list of objects such as { ${key}: "…", type: "office" }, with a non-empty ${key}${typeof value === 'string' ? ' (Dodo\'s example sends bare strings)' : ''}; leave out entries you have no value for`);
  }
  if (last === 'lead_id') {
    return issue('close.invalid-lead-id', path,
      `lead_id must be a Close lead id ("lead_…"), not ${describeValue(value)}: a Dodo customer_id is not one. Keep the Close lead id in the customer's metadata, or create the lead first`);
  }
  if (last === 'value') {
    return issue('close.invalid-value', path,
      `value must be a non-negative integer in cents (2999 for 29.99), not ${describeValue(value)}${typeof value === 'string' ? ': the (x / 100).toFixed(2) string of Dodo\'s example is rejected' : ''}`);
  }
  if (last === 'value_period') {
    return issue('close.invalid-value-period', path,
      `value_period must be ${CLOSE_VALUE_PERIODS.map((p) => `"${p}"`).join(', ')}, not ${describeValue(value)} (Dodo's payment_frequency_interval "Month" maps to "monthly", "Year" to "annual")`);
  }
  if (last === 'confidence') {
    return issue('close.invalid-confidence', path, `confidence must be an integer percentage from 0 to 100, not ${describeValue(value)}`);
  }
  return undefined;
};

export const closeCrm = defineDestination({
  id: 'close-crm',
  title: 'Close',
  codePrefix: 'close',
  codes: CODES,
  hosts: CLOSE_HOSTS,
  urlFrom: 'code',
  card: { credentials: 'API key' },
  auth: { schemes: ['Basic', 'Bearer'], how: 'HTTP Basic with the API key as user name (or an OAuth Bearer token)' },
  // An opportunity's value is in cents ("value": 50000 shows as $500).
  money: { unit: 'minor', keys: ['value'] },
  markup: { html: ['$.note_html'] },
  routes: CLOSE_ENDPOINTS,
  unknownRoute: {
    message: (path) => `"${path}" is not a Close route this tool checks: use ${CLOSE_ENDPOINTS.map((e) => e.path).join(', ')} on https://api.close.com`,
  },
  wrongMethod,
  sizeCap: {},
  checkRequest: ({ path }) => trailingSlash(path),
  classify: classifyClose,
  lint: ({ payload, route }) => fieldLints(payload, route),
});
