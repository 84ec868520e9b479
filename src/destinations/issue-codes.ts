/**
 * Stable destination issue codes and what each means. Tests and reporters rely on
 * these names: add new ones, never rename.
 */
export const DESTINATION_ISSUE_CODES = {
  'schema.invalid': 'the body does not have the shape the API documents (wrong type, missing field)',
  'size.too-large': 'the UTF-8 size of the JSON body (or of one batch element) exceeds the API limit',
  'method.not-post': 'the HTTP method is not POST, the only method these routes accept',
  'segment.unknown-endpoint': 'a Segment host with a path that is not a Tracking API route',
  'segment.missing-identity': 'a call with neither userId nor anonymousId: Segment answers 200 and drops it',
  'segment.missing-event': 'a track call without an event name: Segment drops it',
  'segment.missing-group-id': 'a group call without groupId',
  'segment.missing-previous-id': 'an alias call without previousId',
  'segment.invalid-timestamp': 'timestamp is not an ISO 8601 date-time string',
  'segment.message-id-too-long': 'messageId is longer than 100 characters',
  'segment.invalid-type': 'a batch element whose type is not identify, track, page, screen, group or alias',
  'segment.batch-too-many': 'a batch with more than 2,500 events',
  'segment.type-mismatch': 'a body whose type field names another call than the route it is sent to',
  'segment.string-amount': 'a money property (revenue, total, price, amount…) sent as a numeric string',
  'customerio.unknown-endpoint': 'a Customer.io Track host with a path that is not a Track API route',
  'customerio.unvalidated-endpoint': 'a Track API v1 route: valid, but only v2 bodies are checked',
  'customerio.invalid-type': 'type is not person, object or delivery',
  'customerio.invalid-action': 'action is not one the Track API v2 knows for that type',
  'customerio.invalid-identifiers': 'identifiers is not exactly one of the allowed keys with a string value',
  'customerio.missing-name': 'an event, page or screen action without name',
  'customerio.name-too-long': 'name is longer than 100 bytes (UTF-8)',
  'customerio.invalid-timestamp': 'timestamp is not an integer Unix time in seconds',
  'customerio.timestamp-milliseconds': 'timestamp looks like milliseconds, not seconds',
  'customerio.too-many-attributes': 'more than 300 attributes in one request',
  'customerio.attribute-too-long': 'an attribute value longer than 1000 bytes',
  'customerio.attribute-name-too-long': 'an attribute name longer than 150 bytes',
  'customerio.unused-field': 'a top-level field the action does not define: it has no effect',
} as const satisfies Record<string, string>;

export type DestinationIssueCode = keyof typeof DESTINATION_ISSUE_CODES;

export function isDestinationIssueCode(code: string): code is DestinationIssueCode {
  return Object.hasOwn(DESTINATION_ISSUE_CODES, code);
}
