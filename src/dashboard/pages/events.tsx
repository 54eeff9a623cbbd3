import { type Frame, Page, when } from '../ui/layout';

export interface EventView {
  id: string;
  seq: number;
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

/** The types the outbox writes (DESIGN "Events"), offered as suggestions; any type can be typed. */
const KNOWN_TYPES = ['product.created', 'product.updated', 'product.deleted', 'product.processed', 'image.processed', 'image.failed', 'job.completed', 'endpoint.disabled', 'webhook.test'];

export function EventsPage(props: { frame: Frame; events: EventView[]; type: string; productId: string; next: string | null }) {
  const { frame } = props;
  const mount = frame.mount;
  return (
    <Page {...frame}>
      <h1>Events</h1>
      <form class="filters" method="get" action={`${mount}/events`}>
        <label>
          Type
          <input type="text" name="type" value={props.type} list="event-types" placeholder="any" />
        </label>
        <datalist id="event-types">
          {KNOWN_TYPES.map((t) => (
            <option value={t}></option>
          ))}
        </datalist>
        <label>
          Product id
          <input type="text" name="productId" value={props.productId} placeholder="any" />
        </label>
        <button type="submit">Filter</button>
      </form>
      {props.productId && <p class="muted">Events of product “{props.productId}” among the newest of the feed.</p>}
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col" class="num">Seq</th>
              <th scope="col">Type</th>
              <th scope="col">When</th>
              <th scope="col">Data</th>
            </tr>
          </thead>
          <tbody>
            {props.events.map((e) => (
              <tr>
                <td class="num">{e.seq}</td>
                <td>{e.type}</td>
                <td>{when(e.timestamp)}</td>
                <td>
                  <pre>{JSON.stringify(e.data)}</pre>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.events.length === 0 && <p>No events.</p>}
      <nav class="pager" aria-label="Pages">
        {props.next && (
          <a href={`${mount}/events?${props.next}`} rel="next">
            Older events
          </a>
        )}
      </nav>
    </Page>
  );
}
