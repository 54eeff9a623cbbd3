import type { ProductOutT } from '../../catalog/model/product.schema';
import { Chip, type Frame, Page, when } from '../ui/layout';

export interface ImageView {
  image: ProductOutT['images'][number];
  thumb: string | null;
  medium: string | null;
  /** Per-pipeline results as stored: `{pipeline: {...}}`. */
  results: Record<string, unknown> | null;
  format: string | null;
  bytes: number | null;
}

interface RecommendationList {
  status: 'ready' | 'pending' | 'off';
  data: Array<{ id: string; score: number; reasons: string[] }>;
}

interface HistoryEvent {
  seq: number;
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

export function ProductPage(props: {
  frame: Frame;
  product: ProductOutT;
  images: ImageView[];
  recommendations: { similar: RecommendationList | null; complementary: RecommendationList | null };
  /** Null when the key may not read events. */
  history: HistoryEvent[] | null;
  jobIds: string[];
}) {
  const { product: p, frame } = props;
  const mount = frame.mount;
  return (
    <Page {...frame}>
      <p>
        <a href={`${mount}/catalog`}>← Catalog</a>
      </p>
      <h1>{p.title ?? p.id}</h1>
      <p>
        <Chip status={p.status} /> <span class="muted">id {p.id} · number {p.number} · version {p.version} · updated {when(p.updatedAt)}</span>
      </p>
      <div class="scroll">
        <table>
          <caption class="muted">Fields</caption>
          <tbody>
            {(
              [
                ['Brand', p.brand],
                ['Item group', p.itemGroupId],
                ['Product type', p.productType],
                ['GTIN', p.gtin],
                ['Gender', p.gender],
                ['Age group', p.ageGroup],
                ['Color', p.color],
                ['Sizes', p.sizes?.join(', ')],
                ['Active', p.active === undefined ? undefined : String(p.active)],
                ['Quantity', p.quantity === undefined ? undefined : String(p.quantity)],
                ['Description', p.description],
              ] as Array<[string, string | undefined]>
            )
              .filter(([, v]) => v !== undefined && v !== '')
              .map(([k, v]) => (
                <tr>
                  <th scope="row">{k}</th>
                  <td>{v}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>

      <h2>Images</h2>
      {props.images.length === 0 && <p class="muted">No images.</p>}
      <ul class="grid" aria-label="Images">
        {props.images.map((v) => (
          <li>
            {v.medium ? (
              <a href={v.medium}>
                <img class="thumb" src={v.thumb ?? v.medium} alt={`Image ${v.image.id} of ${p.title ?? p.id}`} width="256" height="256" />
              </a>
            ) : (
              <span class="noimg">{v.image.status}</span>
            )}
            <div>
              <Chip status={v.image.status} /> <span class="muted">{v.image.id}</span>
            </div>
            <div class="muted">
              {v.image.width && v.image.height ? `${v.image.width}×${v.image.height}` : ''} {v.format ?? ''} {v.bytes ? `${Math.round(v.bytes / 1024)} KB` : ''}
            </div>
            {v.image.error && <p class="notice bad">{v.image.error}</p>}
            <div>
              {v.thumb && <a href={v.thumb}>256 px</a>} {v.medium && <a href={v.medium}>1200 px</a>} {v.image.url && <a href={v.image.url}>original</a>}
            </div>
            {v.results && Object.keys(v.results).length > 0 && (
              <details>
                <summary>Pipeline results</summary>
                <pre>{JSON.stringify(v.results, null, 2)}</pre>
              </details>
            )}
          </li>
        ))}
      </ul>

      {p.prices && Object.keys(p.prices).length > 0 && (
        <>
          <h2>Prices</h2>
          <div class="scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Currency</th>
                  <th scope="col" class="num">Amount</th>
                  <th scope="col" class="num">Sale</th>
                  <th scope="col">Sale window</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(p.prices).map(([currency, price]) => (
                  <tr>
                    <th scope="row">{currency}</th>
                    <td class="num">{price.amount}</td>
                    <td class="num">{price.sale?.amount ?? '—'}</td>
                    <td>{price.sale ? `${when(price.sale.start)} – ${when(price.sale.end)}` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      {p.localizations && Object.keys(p.localizations).length > 0 && (
        <>
          <h2>Localizations</h2>
          <div class="scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Locale</th>
                  <th scope="col">Title</th>
                  <th scope="col">Availability</th>
                  <th scope="col">Link</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(p.localizations).map(([locale, l]) => {
                  const loc = l as { title?: string; availability?: string; link?: string };
                  return (
                    <tr>
                      <th scope="row">{locale}</th>
                      <td>{loc.title ?? '—'}</td>
                      <td>{loc.availability ?? '—'}</td>
                      <td>{loc.link ?? '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}

      {p.attributes && p.attributes.length > 0 && (
        <>
          <h2>Attributes</h2>
          <div class="scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col">Name</th>
                  <th scope="col">Value</th>
                </tr>
              </thead>
              <tbody>
                {p.attributes.map((a) => {
                  const attr = a as { group?: string; name: string; value: string; unit?: string };
                  return (
                    <tr>
                      <td>{attr.group ?? ''}</td>
                      <th scope="row">{attr.name}</th>
                      <td>
                        {attr.value} {attr.unit ?? ''}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}

      {(['similar', 'complementary'] as const).map((kind) => {
        const list = props.recommendations[kind];
        return (
          <>
            <h2>{kind === 'similar' ? 'Similar products' : 'Complete the look'}</h2>
            {!list || list.status === 'off' ? (
              <p class="muted">Not computed for this product (its `recommend`, or the tenant's default).</p>
            ) : list.data.length === 0 ? (
              <p class="muted">{list.status === 'pending' ? 'Being computed.' : 'No products qualify yet.'}</p>
            ) : (
              <div class="scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Product</th>
                      <th scope="col">Score</th>
                      <th scope="col">Why</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.data.map((r) => (
                      <tr>
                        <td>
                          <a href={`${mount}/products/${encodeURIComponent(r.id)}`}>{r.id}</a>
                        </td>
                        <td>{r.score.toFixed(2)}</td>
                        <td>{r.reasons.join(', ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        );
      })}

      <h2>History</h2>
      {props.history === null ? (
        <p class="muted">This key does not hold the events:read scope.</p>
      ) : (
        <>
          {props.jobIds.length > 0 && (
            <p>
              Jobs:{' '}
              {props.jobIds.map((j) => (
                <>
                  <a href={`${mount}/jobs/${encodeURIComponent(j)}`}>{j}</a>{' '}
                </>
              ))}
            </p>
          )}
          {props.history.length === 0 ? (
            <p class="muted">No recent events.</p>
          ) : (
            <ul>
              {props.history.map((e) => (
                <li>
                  <span class="muted">{when(e.timestamp)}</span> {e.type}
                  {typeof e.data.status === 'string' ? ` (${e.data.status})` : ''}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <p>
        <a href={`${mount}/events?productId=${encodeURIComponent(p.id)}`}>All recent events of this product</a>
      </p>
    </Page>
  );
}
