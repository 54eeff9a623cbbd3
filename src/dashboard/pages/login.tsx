import { Page } from '../ui/layout';

export function LoginPage(props: { mount: string; token: string; error?: string | undefined }) {
  return (
    <Page mount={props.mount} title="Sign in">
      <div class="login">
        <h1>Sign in to Shelfsync</h1>
        <p class="muted">Paste an API key. It is checked once and never stored in this browser: you get a session instead.</p>
        {props.error && (
          <p class="notice bad" role="alert">
            {props.error}
          </p>
        )}
        <form method="post" action={`${props.mount}/login`}>
          <input type="hidden" name="csrf" value={props.token} />
          <label>
            API key
            <input type="password" name="key" autocomplete="off" required spellcheck={false} placeholder="ssk_…" />
          </label>
          <button type="submit">Sign in</button>
        </form>
      </div>
    </Page>
  );
}
