/** The robosize dialect (under construction). */
import { createDialectApp } from '../shared/dialect-app';

export function robosizeApp() {
  const { finish } = createDialectApp({
    name: 'robosize',
    title: 'robosize compatibility API',
    description: 'Under construction.',
    renderError: (c, error) => c.json({ error: error.message }, error.status as 404),
  });
  return finish();
}
