import { systems, type FhirResource } from './systems.js';

/** HTTP status → OperationOutcome issue type (R5 valueset issue-type). */
const issueTypeOf = (status: number): string => {
  if (status === 400) return 'invalid';
  if (status === 401) return 'login';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'throttled';
  return status >= 500 ? 'exception' : 'processing';
};

/**
 * An error as a FHIR OperationOutcome (R5 §3.1.0.5 "outcomes"): the API's stable code rides in
 * `issue.details.coding`, its message in `details.text`.
 */
export const operationOutcome = (status: number, code: string, message: string): FhirResource => ({
  resourceType: 'OperationOutcome',
  issue: [
    {
      severity: status >= 500 ? 'fatal' : 'error',
      code: issueTypeOf(status),
      details: { coding: [{ system: systems.errorCode, code }], text: message },
    },
  ],
});

/** The API error code carried by an OperationOutcome, or null when it is not one. */
export const outcomeCode = (body: unknown): string | null => {
  const issue = (body as { issue?: { details?: { coding?: { code?: unknown }[] } }[] }).issue;
  const code = issue?.[0]?.details?.coding?.[0]?.code;
  return typeof code === 'string' ? code : null;
};
