/**
 * A dialect is its own mounted app (DESIGN "Errors": each has its own onError, notFound and error
 * shape) over the same catalog service. This builds one: an OpenAPIHono whose validation failures,
 * thrown ApiErrors, hono exceptions and unknown routes are all rendered by the dialect's `renderError`,
 * plus `GET /openapi.json` for the dialect's own document.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../env';
import { allowedMethods } from '../../http/fallback';
import { logFailure, toApiError } from '../../http/on-error';
import { applyExamples, finishDocument, type OperationExamples } from '../../http/openapi';
import { ApiError, type FieldError, fieldErrorsFromZod } from '../../http/problem';

export interface DialectError {
  status: number;
  /** The closed code of the canonical envelope, for dialects that map codes to their own words. */
  code: ApiError['code'];
  message: string;
  /** Field errors; paths are the dialect's own (dotted names, not JSON Pointers), see `fieldPath`. */
  errors: FieldError[];
}

export interface DialectOptions {
  name: string;
  title: string;
  description: string;
  /** Renders every failure in the vendor's shape (and may change the status, e.g. 422 -> 400). */
  renderError: (c: Context<AppEnv>, error: DialectError) => Response;
  /** Request and answer examples of the dialect's operations, written into its document. */
  examples?: OperationExamples;
}

/** `/productItem/gender` -> `productItem.gender`; `/images/0/url` -> `images[0].url`. */
export function fieldPath(pointer: string): string {
  return pointer
    .split('/')
    .filter(Boolean)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment), '');
}

export function createDialectApp(options: DialectOptions) {
  const render = (c: Context<AppEnv>, err: ApiError) =>
    options.renderError(c, {
      status: err.status,
      code: err.code,
      message: err.detail,
      errors: (err.errors ?? []).map((e) => ({ path: e.path.startsWith('/') ? fieldPath(e.path) : e.path, message: e.message })),
    });

  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      throw new ApiError('validation_failed', 'Invalid or missing fields', fieldErrorsFromZod(result.error));
    },
  });

  // Whose routes these are: the key must hold `dialect:<name>` (auth/require-scope.ts).
  app.use('*', async function nameDialect(c, next) {
    c.set('dialect', options.name);
    await next();
  });

  app.onError((err, c) => {
    const known = toApiError(err);
    if (known) {
      if (known.status >= 500 && known.code !== 'tenant_moving') logFailure(c, err, { dialect: options.name });
      for (const [name, value] of Object.entries(known.headers ?? {})) c.header(name, value);
      return render(c, known);
    }
    logFailure(c, err, { dialect: options.name });
    return render(c, new ApiError('internal_error', 'Internal server error'));
  });

  app.get('/openapi.json', (c) => {
    const base = c.req.path.slice(0, -'/openapi.json'.length);
    const document = app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: { title: options.title, version: '1.0.0', description: options.description, contact: { name: 'Shelfsync' } },
      servers: [{ url: base || '/' }],
    });
    return c.json(finishDocument(applyExamples(document, options.examples ?? {})));
  });

  /** Call last: unknown paths and wrong methods, in the dialect's shape. */
  const finish = () => {
    app.all('*', (c) => {
      const base = c.req.routePath.replace(/\/?\*$/, '');
      const allow = allowedMethods(app.routes, c.req.path.slice(base.length) || '/');
      if (allow.length > 0) {
        c.header('Allow', allow.join(', '));
        return render(c, new ApiError('method_not_allowed', `Method ${c.req.method} not allowed`));
      }
      return render(c, new ApiError('not_found', 'Not found'));
    });
    return app;
  };

  return { app, finish };
}
