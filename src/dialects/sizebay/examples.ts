/** Request and answer examples of the Sizebay document (/compat/sizebay/openapi.json); the contract test sends each. */
import type { OperationExamples } from '../../http/openapi';
import { answers } from './examples.answers';

const pricing = {
  USD: { price: 25, salePrice: 19.99, salePriceEffectiveDate: '2024-06-10T00:00:00/2024-06-20T23:59:59' },
  BRL: { price: 99.9, salePrice: 79.9, salePriceEffectiveDate: '2024-06-10T00:00:00/2024-06-20T23:59:59' },
};

/** The seed's own examples; `tenantId` is one of the tenant's aliases. */
const requests: Record<string, Omit<OperationExamples[string], 'responses'>> = {
  'POST /products': {
    request: {
      tenantId: 1234,
      collectionName: 'sizebay-collection',
      processType: 'SIMILAR',
      brandName: 'Sizebay',
      specialtyFromPersona: 'casual fashion',
      productItem: {
        id: '380145e972ee',
        itemGroupId: 'edb1e435d172',
        localizations: {
          'en-US': { title: 'Classic White T-Shirt', availability: 'in stock', link: 'www.example.com/us/product' },
          'pt-BR': { title: 'Camiseta Branca', availability: 'in stock', link: 'www.example.com/br/product' },
        },
        pricing,
        productType: 'KIDS > MALE > BOTTOMS',
        brand: 'Sizebay',
        imageLink: 'www.example.com/image.jpg',
        additionalImageLinks: ['www.example.com/image.jpg'],
        gender: 'unisex',
        ageGroup: 'adult',
        size: 'XS,S,M,L,XL',
        sizeSystem: 'BR',
        color: 'Blue',
        gtin: '00012345678905',
      },
    },
  },
  'PATCH /products': {
    request: {
      tenantId: 1234,
      collectionName: 'sizebay-collection',
      productId: '380145e972ee',
      localizations: { 'en-US': { title: 'Classic White T-Shirt', availability: 'in stock' }, 'pt-BR': { title: 'Camiseta Branca', availability: 'in stock' } },
      pricing,
    },
  },
};

export const examples: OperationExamples = Object.fromEntries(Object.entries(requests).map(([k, v]) => [k, { ...v, responses: answers[k] ?? {} }]));
