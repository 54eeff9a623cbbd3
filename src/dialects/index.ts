/**
 * The seed vendors' APIs, verbatim, under /compat/{name}: a client switches by changing its base URL.
 * Each dialect is a thin folder that parses its own shapes, calls the catalog service, and renders its
 * own answers and errors; none owns tables or business rules.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { generaApp } from './genera';
import { gesmartApp } from './gesmart';
import { robosizeApp } from './robosize';
import { sizebayApp } from './sizebay';
import { tryonApp } from './tryon';

/** Each dialect serves its own OpenAPI document at /compat/{name}/openapi.json. */
export const DIALECT_NAMES = ['genera', 'sizebay', 'gesmart', 'tryon', 'robosize'] as const;

/** The dialects' plugins, registered with the core by the composition root (src/app.ts). */
export { dialectInboundFormats } from './inbound-formats';
export { dialectPayloadFormats } from './payload-formats';

export function mountDialects(app: OpenAPIHono<AppEnv>): void {
  const dialects: Record<(typeof DIALECT_NAMES)[number], unknown> = { genera: generaApp(), sizebay: sizebayApp(), gesmart: gesmartApp(), tryon: tryonApp(), robosize: robosizeApp() };
  for (const [name, dialect] of Object.entries(dialects)) {
    // Hono's own route(), not OpenAPIHono's: that one would merge each dialect's routes into the
    // canonical /openapi.json. Each dialect documents itself at /compat/{name}/openapi.json.
    Hono.prototype.route.call(app, `/compat/${name}`, dialect as unknown as Hono);
  }
}
