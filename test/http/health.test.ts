import { describe, expect, it } from 'vitest';
import { call } from '../helpers/api';

describe('GET /health', () => {
  it('answers ok', async () => {
    const res = await call('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});
