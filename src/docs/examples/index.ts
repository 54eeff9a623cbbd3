/** The canonical API's examples (requests.ts + responses.ts), applied to /openapi.json by docs.index.ts. */
import type { OperationExamples } from '../../http/openapi';
import { requests } from './requests';
import { responses } from './responses';

export const canonicalExamples: OperationExamples = Object.fromEntries(
  [...new Set([...Object.keys(requests), ...Object.keys(responses)])].map((key) => [key, { ...requests[key], responses: responses[key] ?? {} }]),
);
export { requests, responses };
export * from './ids';
