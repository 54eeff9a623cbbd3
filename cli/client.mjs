// A small client for the parts of the Shelfsync API the CLI uses. Errors carry the API's problem detail.
export class ApiClient {
  constructor(base, key) {
    this.base = base.replace(/\/$/, '');
    this.headers = { authorization: `Bearer ${key}` };
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

  getImport(jobId) {
    return this.request(`/v1/imports/${jobId}`);
  }

  getJob(jobId) {
    return this.request(`/v1/jobs/${jobId}`);
  }

  async getJobErrors(jobId, limit) {
    return (await this.request(`/v1/jobs/${jobId}/errors?limit=${limit}`)).data;
  }

  /** Every product, page by page, in the shape `PUT /v1/products/{id}` accepts (server fields dropped). */
  async *allProducts() {
    let cursor = null;
    do {
      const page = await this.request(`/v1/products?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      for (const product of page.data) yield writable(product);
      cursor = page.nextCursor;
    } while (cursor);
  }
}

function writable(product) {
  const { number, version, status, createdAt, updatedAt, expiresAt, extensions, images, ...fields } = product;
  return { ...fields, ...(images?.length ? { images: images.map((i) => ({ id: i.id, source: i.source, ...(Object.keys(i.pipelines ?? {}).length ? { pipelines: i.pipelines } : {}), ...(i.classifications ? { classifications: i.classifications } : {}) })) } : {}) };
}
