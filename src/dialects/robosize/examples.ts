/** Request and answer examples of the Robosize document (/compat/robosize/openapi.json); the contract test sends each. */
import type { OperationExamples } from '../../http/openapi';
import { answers } from './examples.answers';

/** `17`: the product's Robosize id (its per-tenant number), as the create answers it. */
const requests: Record<string, Omit<OperationExamples[string], 'responses'>> = {
  'POST /api/v1/product/': {
    request: { name: 'Classic Tee', store_id: '123456', tags: ['tag 1', 'tag 2'], image_url: 'https://cdn.example/tee.jpg', type: 'top' },
  },
  'GET /api/v1/product/': { params: { limit: '20', offset: '0' } },
  'PATCH /api/v1/product/': { request: { products: ['17'], name: 'Classic Tee (organic)', tags: ['tag 1'] } },
  'DELETE /api/v1/product/': { params: { hash: '17' } },
};

export const examples: OperationExamples = Object.fromEntries(Object.entries(requests).map(([k, v]) => [k, { ...v, responses: answers[k] ?? {} }]));
