import type { ProductOutT } from '../../catalog/model/product.schema';
import { Chip, type Frame, fmt, Page, when } from '../ui/layout';

export interface CatalogView {
  products: ProductOutT[];
  counts: { total: number; byStatus: Record<string, number> };
  filters: { q: string; status: string };
  /** Query string of the next page, or null. */
  next: string | null;
  /** Set when `q` named no product. */
  notFound: boolean;
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
      {/*
        Filters offered are the ones the list service serves. Title search (FTS) and brand /
        itemGroupId filters join here when the product list query accepts them.
      */}
      <form class="filters" method="get" action={`${mount}/catalog`} role="search">
        <label>
          Product id
          <input type="search" name="q" value={view.filters.q} placeholder="exact id" />
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
        {(view.filters.q || view.filters.status) && <a href={`${mount}/catalog`}>Clear</a>}
      </form>
      {view.notFound && <p class="notice" role="status">No product has the id “{view.filters.q}”.</p>}
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
      {view.products.length === 0 && !view.notFound && <p>No products match.</p>}
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
