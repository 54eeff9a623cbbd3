/**
 * Answer examples and query parameters of the GeSmart document (/compat/gesmart/openapi.json); its
 * request bodies carry the seed's examples in the schemas. The contract test sends each.
 */
import type { OperationExamples } from '../../http/openapi';
import { answers } from './examples.answers';

const requests: Record<string, Omit<OperationExamples[string], 'responses'>> = {
  'POST /api/auth/login': {},
  'POST /api/products/sync': {},
  'GET /api/products/sync': { params: { syncId: 'job_01JD7Z8Q6V7N9K3M2X4B5C6D7E' } },
  'POST /api/products/sync/batch': {},
  // base64 HMAC-SHA256 of the example body, as sent (compact JSON), with an example secret.
  'POST /api/webhooks/gesmart/products': { params: { 'x-gesmart-signature': 'eiQUevjVl3yIp9f2ZSQqqk6v+YgIQA58aMSbB2+IOq0=' } },
  'DELETE /api/products/sync': { params: { reference: 'PROD001' } },
};

export const examples: OperationExamples = Object.fromEntries(Object.entries(requests).map(([k, v]) => [k, { ...v, responses: answers[k] ?? {} }]));
