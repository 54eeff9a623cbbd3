/**
 * The title search's text (`products.search_text`, migration 0013): written by the write path beside
 * the document and indexed by the FTS triggers; rows without it (written before the column) are
 * indexed from `data` as before, and move to the column on their next write.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { body, call, createTenant, patchProduct, postBatch, product, putProduct, type TestTenant } from '../helpers/api';

async function search(t: TestTenant, q: string): Promise<string[]> {
  const res = await call(`/v1/products?q=${encodeURIComponent(q)}`, { headers: t.headers });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await body(res)).data.map((p: { id: string }) => p.id).sort();
}

async function storedText(t: TestTenant, id: string): Promise<string | null | undefined> {
  const row = await env.DB.prepare('SELECT search_text FROM products WHERE tenant_id = ?1 AND id = ?2').bind(t.id, id).first<{ search_text: string | null }>();
  return row?.search_text;
}

describe('the title search text', () => {
  it('is stored by the write path: the title, then the localized titles by locale', async () => {
    const t = await createTenant();
    const res = await postBatch(t, [
      product('loc', { title: 'Blue dress', localizations: { 'fr-FR': { title: 'Robe bleue' }, 'de-DE': { title: 'Blaues Kleid' }, 'es-ES': { link: 'https://shop.example/es/loc' } } }),
      product('plain', { title: 'Red hat' }),
    ]);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await storedText(t, 'loc')).toBe('Blue dress Blaues Kleid Robe bleue');
    expect(await storedText(t, 'plain')).toBe('Red hat ');
    expect(await search(t, 'kleid')).toEqual(['loc']);
    expect(await search(t, 'red')).toEqual(['plain']);
  });

  it('follows PUT and PATCH: a changed title or localized title is found by its new words only', async () => {
    const t = await createTenant();
    expect((await putProduct(t, 'p', product('p', { title: 'Linen shirt', localizations: { 'pt-BR': { title: 'Camisa de linho' } } }))).status).toBe(201);
    expect(await search(t, 'linho')).toEqual(['p']);

    // PUT: the upsert.
    expect((await putProduct(t, 'p', product('p', { title: 'Wool shirt', localizations: { 'pt-BR': { title: 'Camisa de linho' } } }))).status).toBe(200);
    expect(await search(t, 'linen')).toEqual([]);
    expect(await search(t, 'wool')).toEqual(['p']);
    expect(await storedText(t, 'p')).toBe('Wool shirt Camisa de linho');

    // PATCH: the version-guarded update.
    const patched = await patchProduct(t, 'p', { localizations: { 'pt-BR': { title: 'Camisa de lã' } } });
    expect(patched.status, await patched.clone().text()).toBe(200);
    expect(await search(t, 'linho')).toEqual([]);
    expect(await search(t, 'la')).toEqual(['p']);
    expect(await storedText(t, 'p')).toBe('Wool shirt Camisa de lã');

    // A change elsewhere in the document leaves the search as it was.
    expect((await patchProduct(t, 'p', { brand: 'Other' })).status).toBe(200);
    expect(await search(t, 'wool')).toEqual(['p']);
  });

  it('indexes a row without it (written before the column) from its document, until its next write', async () => {
    const t = await createTenant();
    expect((await postBatch(t, [product('old', { title: 'Green scarf', localizations: { 'it-IT': { title: 'Sciarpa verde' } } })])).status).toBe(200);
    // As a row written before migration 0013: no search text, its FTS row rebuilt from `data`
    // (an update of `data` itself fires the trigger's fallback path).
    await env.DB.prepare('UPDATE products SET search_text = NULL WHERE tenant_id = ?1').bind(t.id).run();
    await env.DB.prepare("UPDATE products SET data = json_set(data, '$.title', 'Grey scarf') WHERE tenant_id = ?1").bind(t.id).run();
    expect(await search(t, 'grey')).toEqual(['old']);
    expect(await search(t, 'green')).toEqual([]);
    expect(await search(t, 'sciarpa')).toEqual(['old']);

    expect((await putProduct(t, 'old', product('old', { title: 'Yellow scarf' }))).status).toBe(200);
    expect(await storedText(t, 'old')).toBe('Yellow scarf ');
    expect(await search(t, 'yellow')).toEqual(['old']);
    expect(await search(t, 'grey')).toEqual([]);
    expect(await search(t, 'sciarpa')).toEqual([]);
  });
});
