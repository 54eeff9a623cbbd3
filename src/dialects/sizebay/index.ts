/** The sizebay dialect (under construction). */
import { createDialectApp } from '../shared/dialect-app';

export function sizebayApp() {
  const { finish } = createDialectApp({
    name: 'sizebay',
    title: 'sizebay compatibility API',
    description: 'Under construction.',
    renderError: (c, error) => c.json({ error: error.message }, error.status as 404),
  });
  return finish();
}
