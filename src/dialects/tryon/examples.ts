/** Request and answer examples of the try-on document (/compat/tryon/openapi.json); the contract test sends each. */
import type { OperationExamples } from '../../http/openapi';
import { answers } from './examples.answers';

const requests: Record<string, Omit<OperationExamples[string], 'responses'>> = {
  'POST /products': {
    request: {
      externalId: 'tee-nested',
      name: 'Classic White T-Shirt',
      description: '100% cotton, regular fit',
      images: [{ source: { url: 'https://cdn.example/tee-front.jpg' }, classifications: { view: 'front', category: 'tops' } }],
      validForDays: 30,
      metadata: { season: 'SS25', sizes: ['S', 'M', 'L'] },
    },
  },
  'GET /products': { params: { limit: '20' } },
  'GET /products/{externalId}': { params: { externalId: 'tee-nested' } },
};

export const examples: OperationExamples = Object.fromEntries(Object.entries(requests).map(([k, v]) => [k, { ...v, responses: answers[k] ?? {} }]));
