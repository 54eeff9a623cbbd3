/**
 * The seed vendors' APIs, verbatim, under /compat/{name}: a client switches by changing its base URL.
 * Each dialect is a thin folder that parses its own shapes, calls the catalog service, and renders its
 * own answers and errors; none owns tables or business rules.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env';
import { generaApp } from './genera';
import { gesmartApp } from './gesmart';
import { robosizeApp } from './robosize';
import { sizebayApp } from './sizebay';
import { tryonApp } from './tryon';

export function mountDialects(app: OpenAPIHono<AppEnv>): void {
  app.route('/compat/genera', generaApp());
  app.route('/compat/sizebay', sizebayApp());
  app.route('/compat/gesmart', gesmartApp());
  app.route('/compat/tryon', tryonApp());
  app.route('/compat/robosize', robosizeApp());
}
