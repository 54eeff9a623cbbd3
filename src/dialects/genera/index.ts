/** The genera dialect (under construction). */
import { createDialectApp } from '../shared/dialect-app';

export function generaApp() {
  const { finish } = createDialectApp({
    name: 'genera',
    title: 'genera compatibility API',
    description: 'Under construction.',
    renderError: (c, error) => c.json({ error: error.message }, error.status as 404),
  });
  return finish();
}
