/**
 * The JSON body is read the same way whether the client declares its length (one read, one decode)
 * or streams it (counted chunk by chunk): the same text, multi-byte characters included, and the
 * same answers.
 */
import { describe, expect, it } from 'vitest';
import { body, call, createTenant, product } from '../helpers/api';

/** A stream of `bytes` in pieces of 7 bytes, so multi-byte characters are split across chunks. */
function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + 7));
      at += 7;
    },
  });
}

describe('JSON body reading', () => {
  it('reads a declared-length body and a streamed one to the same products, multi-byte text intact', async () => {
    const t = await createTenant();
    const titles = ['Camiseta básica — algodão', 'Футболка 👕 classic', '東京 T シャツ'];
    const send = async (prefix: string, streamed: boolean) => {
      const bytes = new TextEncoder().encode(JSON.stringify({ products: titles.map((title, i) => product(`${prefix}-${i}`, { title })) }));
      const headers = { ...t.headers, 'content-type': 'application/json', ...(streamed ? {} : { 'content-length': String(bytes.length) }) };
      // @ts-expect-error: workerd streaming request bodies
      const res = await call('/v1/products/batch', { method: 'POST', headers, body: streamed ? streamOf(bytes) : bytes, duplex: 'half' });
      expect(res.status).toBe(200);
      return (await body(res)).results.map((r: { status: string }) => r.status);
    };
    expect(await send('declared', false)).toEqual(['created', 'created', 'created']);
    expect(await send('streamed', true)).toEqual(['created', 'created', 'created']);
    for (const prefix of ['declared', 'streamed']) {
      for (const [i, title] of titles.entries()) {
        const read = await body(await call(`/v1/products/${prefix}-${i}`, { headers: t.headers }));
        expect(read.title).toBe(title);
      }
    }
  });

  it('answers malformed JSON with the same 400 either way', async () => {
    const t = await createTenant();
    const bytes = new TextEncoder().encode('{"products":[{"id":"x",}]}');
    for (const streamed of [false, true]) {
      const headers = { ...t.headers, 'content-type': 'application/json', ...(streamed ? {} : { 'content-length': String(bytes.length) }) };
      // @ts-expect-error: workerd streaming request bodies
      const res = await call('/v1/products/batch', { method: 'POST', headers, body: streamed ? streamOf(bytes) : bytes, duplex: 'half' });
      expect(res.status).toBe(400);
      expect((await body(res)).detail).toMatch(/not valid JSON/);
    }
  });
});
