/**
 * Every /v1 router is an OpenAPIHono whose validation failures become the one problem envelope:
 * 422 with JSON Pointer paths for bodies, and the parameter's name for query, path and headers.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env';
import { ApiError, fieldErrorsFromZod } from './problem';

export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const target = result.target;
      const errors =
        target === 'json' || target === 'form'
          ? fieldErrorsFromZod(result.error)
          : result.error.issues.map((issue) => ({ path: `${target}.${issue.path.join('.')}`, message: issue.message }));
      throw new ApiError('validation_failed', target === 'json' ? 'The request body is not valid' : `Invalid ${target} parameters`, errors);
    },
  });
}

export type Router = ReturnType<typeof createRouter>;
