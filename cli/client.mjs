// The parts of the Shelfsync API the CLI uses, through the typed client generated from /openapi.json
// (api/typed-client.mjs). Errors carry the API's problem detail.
import { createApiClient } from './api/typed-client.mjs';

/** The answer's data, or an Error with the problem's detail and field errors. */
function unwrap({ data, error, response }) {
  if (error !== undefined || !response.ok) {
    const detail = error?.detail ?? response.statusText;
    const fields = (error?.errors ?? []).map((e) => `\n  ${e.path}: ${e.message}`).join('');
    throw new Error(`${response.status} ${detail}${fields}`);
  }
  return data;
}

export class ApiClient {
  constructor(base, key) {
    this.base = base.replace(/\/$/, '');
    this.headers = { authorization: `Bearer ${key}` };
    this.api = createApiClient(this.base, key);
  }

  async request(path, init = {}) {
    const response = await fetch(`${this.base}${path}`, { ...init, headers: { ...this.headers, ...init.headers } });
    const text = await response.text();
    const body = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const detail = body?.detail ?? text;
      const fields = (body?.errors ?? []).map((e) => `\n  ${e.path}: ${e.message}`).join('');
      throw new Error(`${response.status} ${detail}${fields}`);
    }
    return body;
  }

  startImport(stream, contentType, { mode, gzip }) {
    return this.request(`/v1/imports?mode=${encodeURIComponent(mode)}`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...(gzip ? { 'content-encoding': 'gzip' } : {}) },
      body: stream,
      duplex: 'half',
    });
  }

  async getImport(jobId) {
    return unwrap(await this.api.GET('/v1/imports/{id}', { params: { path: { id: jobId } } }));
  }

  async getJob(jobId) {
    return unwrap(await this.api.GET('/v1/jobs/{id}', { params: { path: { id: jobId } } }));
  }

  async getJobErrors(jobId, limit) {
    return unwrap(await this.api.GET('/v1/jobs/{id}/errors', { params: { path: { id: jobId }, query: { limit } } })).data;
  }

  async getProduct(id) {
    return unwrap(await this.api.GET('/v1/products/{id}', { params: { path: { id } } }));
  }

  /** Create or replace; answers the product and whether it was created. */
  async putProduct(id, product) {
    const result = await this.api.PUT('/v1/products/{id}', { params: { path: { id } }, body: product });
    return { product: unwrap(result), created: result.response.status === 201, jobId: result.response.headers.get('job-id') };
  }

  async createWebhook(body) {
    return unwrap(await this.api.POST('/v1/webhooks', { body }));
  }

  async deleteWebhook(id) {
    unwrap(await this.api.DELETE('/v1/webhooks/{id}', { params: { path: { id } } }));
  }

  async listProducts(query) {
    return unwrap(await this.api.GET('/v1/products', { params: { query } }));
  }

  /** Every product, page by page, in the shape `PUT /v1/products/{id}` accepts (server fields dropped). */
  async *allProducts() {
    let cursor = null;
    do {
      const page = unwrap(await this.api.GET('/v1/products', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } }));
      for (const product of page.data) yield writable(product);
      cursor = page.nextCursor;
    } while (cursor);
  }
}

function writable(product) {
  const { number, version, status, createdAt, updatedAt, expiresAt, extensions, images, ...fields } = product;
  return { ...fields, ...(images?.length ? { images: images.map((i) => ({ id: i.id, source: i.source, ...(Object.keys(i.pipelines ?? {}).length ? { pipelines: i.pipelines } : {}), ...(i.classifications ? { classifications: i.classifications } : {}) })) } : {}) };
}
