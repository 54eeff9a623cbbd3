import type { OperationExample } from '../../http/openapi';

export type RequestExample = Omit<OperationExample, 'responses'>;
