import { describe, expect, it } from 'vitest';
import { body, call, createTenant } from './helpers/api';

async function finished(headers: Record<string, string>, jobId: string): Promise<any> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const job = await body(await call(`/v1/jobs/${jobId}`, { headers }));
    if (!['pending', 'processing'].includes(job.status) || Date.now() > deadline) return job;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('imports smoke', () => {
  it('imports csv', async () => {
    const t = await createTenant();
    const csv = 'id,title,price,availability\na,Alpha,"25.00 USD",in_stock\nb,"Be\nta",12 USD,out of stock\nc,Gamma,1.005 USD,in stock\n';
    const res = await call('/v1/imports', { method: 'POST', headers: { ...t.headers, 'content-type': 'text/csv' }, body: csv });
    const accepted = await body(res);
    console.log(res.status, JSON.stringify(accepted));
    const job = await finished(t.headers, accepted.job.id);
    console.log(JSON.stringify(job));
    console.log(JSON.stringify(await body(await call(`/v1/jobs/${job.id}/errors`, { headers: t.headers }))));
    console.log(JSON.stringify(await body(await call(`/v1/imports/${job.id}`, { headers: t.headers }))));
    console.log(JSON.stringify(await body(await call(`/v1/products/b`, { headers: t.headers }))));
    expect(job.status).toBe('partial');
  });
});
