import type { ProductOutT } from '../../catalog/model/product.schema';
import { Chip, type Frame, fmt, Page, when } from '../ui/layout';

export interface CatalogView {
  products: ProductOutT[];
  counts: { total: number; byStatus: Record<string, number> };
  filters: { q: string; status: string; brand: string; itemGroupId: string };
  /** Query string of the next page, or null. */
  next: string | null;
  /** Why the filters could not be applied (a search without a letter, a stale cursor), or null. */
  problem: string | null;
}

const STATUSES = ['pending', 'processing', 'done', 'error'];

export function CatalogPage(props: { frame: Frame; view: CatalogView }) {
  const { view, frame } = props;
  const mount = frame.mount;
  const thumb = (p: ProductOutT) => p.images.find((i) => i.url)?.url ?? null;
  return (
    <Page {...frame}>
      <h1>Catalog</h1>
      <p>
        <strong>{fmt(view.counts.total)}</strong> products:{' '}
        {STATUSES.map((s) => (
          <>
            <a href={`${mount}/catalog?status=${s}`}>
              <Chip status={s} /> {fmt(view.counts.byStatus[s] ?? 0)}
            </a>{' '}
          </>
        ))}
      </p>
      <form class="filters" method="get" action={`${mount}/catalog`} role="search">
        <label>
          Id or title
          <input type="search" name="q" value={view.filters.q} placeholder="exact id, or words of a title" maxlength={200} />
        </label>
        <label>
          Brand
          <input type="text" name="brand" value={view.filters.brand} maxlength={256} />
        </label>
        <label>
          Item group
          <input type="text" name="itemGroupId" value={view.filters.itemGroupId} maxlength={256} />
        </label>
        <label>
          Status
          <select name="status">
            <option value="">any</option>
            {STATUSES.map((s) => (
              <option value={s} selected={view.filters.status === s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Search</button>
        {(view.filters.q || view.filters.status || view.filters.brand || view.filters.itemGroupId) && <a href={`${mount}/catalog`}>Clear</a>}
      </form>
      {view.problem && (
        <p class="notice" role="alert">
          {view.problem}
        </p>
      )}
      <ul class="grid" aria-label="Products">
        {view.products.map((p) => {
          const src = thumb(p);
          return (
            <li>
              <a href={`${mount}/products/${encodeURIComponent(p.id)}`}>
                {src ? <img class="thumb" src={src} alt={p.title ?? p.id} width="256" height="256" loading="lazy" /> : <span class="noimg">no image</span>}
                <span>{p.title ?? p.id}</span>
              </a>
              <div>
                <Chip status={p.status} /> <span class="muted">{p.id}</span>
              </div>
              <div class="muted">
                {p.brand ?? ''} · {p.images.length} image{p.images.length === 1 ? '' : 's'} · {when(p.updatedAt)}
              </div>
            </li>
          );
        })}
      </ul>
      {view.products.length === 0 && !view.problem && <p>No products match.</p>}
      <nav class="pager" aria-label="Pages">
        {view.next && (
          <a href={`${mount}/catalog?${view.next}`} rel="next">
            Next page
          </a>
        )}
      </nav>
    </Page>
  );
}
