/** The tryon dialect (under construction). */
import { createDialectApp } from '../shared/dialect-app';

export function tryonApp() {
  const { finish } = createDialectApp({
    name: 'tryon',
    title: 'tryon compatibility API',
    description: 'Under construction.',
    renderError: (c, error) => c.json({ error: error.message }, error.status as 404),
  });
  return finish();
}
