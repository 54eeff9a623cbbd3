import { Chip, Csrf, type Frame, fmt, Page, when } from '../ui/layout';

export interface EndpointView {
  id: string;
  url: string;
  eventTypes: string[];
  enabled: boolean;
  disabledReason: string | null;
  failingSince: string | null;
  format?: string;
}

export function WebhooksPage(props: { frame: Frame; endpoints: EndpointView[] }) {
  const { frame } = props;
  const mount = frame.mount;
  return (
    <Page {...frame}>
      <h1>Webhooks</h1>
      {props.endpoints.length === 0 && <p>No endpoints. Subscribe with POST /v1/webhooks.</p>}
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Endpoint</th>
              <th scope="col">URL</th>
              <th scope="col">Events</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {props.endpoints.map((e) => (
              <tr>
                <td>
                  <a href={`${mount}/webhooks/${e.id}`}>{e.id}</a>
                </td>
                <td>{e.url}</td>
                <td>{e.eventTypes.join(', ')}</td>
                <td>
                  <Chip status={e.enabled ? 'enabled' : 'disabled'} />
                  {!e.enabled && <div class="muted">{disabledText(e.disabledReason)}</div>}
                  {e.enabled && e.failingSince && <div class="muted">failing since {when(e.failingSince)}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Page>
  );
}

/** Why an endpoint stopped receiving deliveries, in words. */
export function disabledText(reason: string | null): string {
  if (!reason) return 'Disabled.';
  if (/410|gone/i.test(reason)) return `Disabled: the receiver answered 410 Gone (${reason}). Fix the receiver, then enable it with PATCH /v1/webhooks/{id}.`;
  if (/fail/i.test(reason)) return `Disabled after five days of failed deliveries (${reason}). Fix the receiver, enable it, then recover.`;
  return `Disabled: ${reason}`;
}

export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attemptCount: number;
  nextAttemptAt: string | null;
  createdAt: string;
  attempts: Array<{ attemptedAt: string; statusCode: number | null; latencyMs: number; responseBody: string | null; error: string | null }>;
}

export function WebhookPage(props: { frame: Frame; endpoint: EndpointView; deliveries: DeliveryView[]; next: string | null; flash: string | null; recoverSince: string }) {
  const { frame, endpoint: e } = props;
  const mount = frame.mount;
  const csrf = frame.csrfToken ?? '';
  return (
    <Page {...frame}>
      <p>
        <a href={`${mount}/webhooks`}>← Webhooks</a>
      </p>
      <h1>Endpoint {e.id}</h1>
      {props.flash && (
        <p class="notice" role="status">
          {props.flash}
        </p>
      )}
      <p>
        <Chip status={e.enabled ? 'enabled' : 'disabled'} /> {e.url}
      </p>
      {!e.enabled && <p class="notice bad">{disabledText(e.disabledReason)}</p>}
      <div class="actions">
        <form method="post" action={`${mount}/webhooks/${e.id}/test`}>
          <Csrf token={csrf} />
          <button type="submit" disabled={!e.enabled}>
            Send test event
          </button>
        </form>
        <form method="post" action={`${mount}/webhooks/${e.id}/recover`} class="actions">
          <Csrf token={csrf} />
          <label>
            Failed since (UTC)
            <input type="datetime-local" name="since" value={props.recoverSince} required />
          </label>
          <button type="submit" class="secondary">
            Recover failed deliveries
          </button>
        </form>
      </div>
      <h2>Deliveries</h2>
      {props.deliveries.length === 0 && <p>No deliveries yet.</p>}
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Delivery</th>
              <th scope="col">Event</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {props.deliveries.map((d) => (
              <tr data-delivery={d.id}>
                <td>
                  {d.id}
                  <div class="muted">{when(d.createdAt)}</div>
                </td>
                <td>
                  {d.eventType}
                  <div class="muted">{d.eventId}</div>
                </td>
                <td>
                  <Chip status={d.status} />
                  {d.nextAttemptAt && <div class="muted">next {when(d.nextAttemptAt)}</div>}
                </td>
                <td>
                  <ol class="attempts">
                    {d.attempts.map((a) => (
                      <li data-status-code={a.statusCode ?? ''}>
                        {when(a.attemptedAt)} · {a.statusCode ?? 'no answer'} · {fmt(a.latencyMs)} ms
                        {a.error && <div class="muted">{a.error}</div>}
                        {a.responseBody && <pre>{a.responseBody.slice(0, 500)}</pre>}
                      </li>
                    ))}
                  </ol>
                </td>
                <td>
                  <form method="post" action={`${mount}/deliveries/${d.id}/redeliver`}>
                    <Csrf token={csrf} />
                    <input type="hidden" name="endpoint" value={e.id} />
                    <button type="submit" class="secondary" aria-label={`Redeliver ${d.id}`}>
                      Redeliver
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav class="pager" aria-label="Pages">
        {props.next && (
          <a href={`${mount}/webhooks/${e.id}?${props.next}`} rel="next">
            Older deliveries
          </a>
        )}
      </nav>
    </Page>
  );
}
