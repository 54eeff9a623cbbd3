/** The gesmart dialect (under construction). */
import { createDialectApp } from '../shared/dialect-app';

export function gesmartApp() {
  const { finish } = createDialectApp({
    name: 'gesmart',
    title: 'gesmart compatibility API',
    description: 'Under construction.',
    renderError: (c, error) => c.json({ error: error.message }, error.status as 404),
  });
  return finish();
}
