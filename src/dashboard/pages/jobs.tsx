import type { JobT } from '../../jobs/jobs.schemas';
import { Chip, type Frame, fmt, Page, when } from '../ui/layout';

const STATUSES = ['pending', 'processing', 'completed', 'failed', 'partial'];

export function JobsPage(props: { frame: Frame; jobs: JobT[]; status: string; next: string | null }) {
  const { frame } = props;
  const mount = frame.mount;
  return (
    <Page {...frame}>
      <h1>Jobs and imports</h1>
      <form class="filters" method="get" action={`${mount}/jobs`}>
        <label>
          Status
          <select name="status">
            <option value="">any</option>
            {STATUSES.map((s) => (
              <option value={s} selected={props.status === s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Filter</button>
      </form>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Job</th>
              <th scope="col">Kind</th>
              <th scope="col">Status</th>
              <th scope="col" class="num">Items</th>
              <th scope="col" class="num">Failed</th>
              <th scope="col">Created</th>
              <th scope="col" class="num">Duration</th>
            </tr>
          </thead>
          <tbody>
            {props.jobs.map((j) => (
              <tr>
                <td>
                  <a href={`${mount}/jobs/${j.id}`}>{j.id}</a>
                </td>
                <td>{j.kind}</td>
                <td>
                  <Chip status={j.status} />
                </td>
                <td class="num">{fmt(j.counts.total)}</td>
                <td class="num">{fmt(j.counts.failed)}</td>
                <td>{when(j.createdAt)}</td>
                <td class="num">{j.durationMs === null ? '—' : `${fmt(j.durationMs)} ms`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.jobs.length === 0 && <p>No jobs.</p>}
      <nav class="pager" aria-label="Pages">
        {props.next && (
          <a href={`${mount}/jobs?${props.next}`} rel="next">
            Older jobs
          </a>
        )}
      </nav>
    </Page>
  );
}

export interface ImportView {
  format: string;
  mode: string;
  rows: { total: number; done: number; failed: number };
  progress: number;
  rowsPerSecond: number | null;
  note: string | null;
}

export interface JobErrorView {
  index: number;
  itemId: string | null;
  line: number | null;
  code: string;
  errors: Array<{ path: string; message: string }>;
}

export const FINISHED = new Set(['completed', 'failed', 'partial']);

export function JobPage(props: { frame: Frame; job: JobT; importView: ImportView | null; errors: JobErrorView[]; moreErrors: boolean }) {
  const { frame, job } = props;
  const mount = frame.mount;
  const finished = FINISHED.has(job.status) && (!props.importView || FINISHED.has(job.status));
  const counts: Array<[string, number]> = props.importView
    ? [
        ['rows', props.importView.rows.total],
        ['rowsFailed', props.importView.rows.failed],
        ['created', job.counts.created],
        ['updated', job.counts.updated],
        ['unchanged', job.counts.unchanged],
        ['deleted', job.counts.deleted],
      ]
    : [
        ['total', job.counts.total],
        ['succeeded', job.counts.succeeded],
        ['failed', job.counts.failed],
        ['created', job.counts.created],
        ['updated', job.counts.updated],
        ['deleted', job.counts.deleted],
      ];
  return (
    <Page {...frame}>
      <p>
        <a href={`${mount}/jobs`}>← Jobs</a>
      </p>
      <h1>
        {props.importView ? 'Import' : 'Job'} {job.id}
      </h1>
      <section data-progress={`${mount}/jobs/${job.id}/progress.json`} data-finished={finished ? 'true' : 'false'} aria-live="polite">
        <p>
          <span class={`chip ${job.status}`} data-field="status">
            {job.status}
          </span>{' '}
          <span class="muted">
            {job.kind} · created {when(job.createdAt)} · {job.completedAt ? `ended ${when(job.completedAt)}` : 'running'}
          </span>
        </p>
        {props.importView && (
          <>
            <label>
              Progress <span data-field="percent">{Math.round(props.importView.progress * 100)}%</span>
              <progress max="1" value={props.importView.progress}></progress>
            </label>
            <p class="muted">
              {props.importView.format} · {props.importView.mode} · {props.importView.rowsPerSecond === null ? '' : `${props.importView.rowsPerSecond} rows/s`}
              {props.importView.note ? ` · ${props.importView.note}` : ''}
            </p>
          </>
        )}
        <table>
          <tbody>
            {counts.map(([k, v]) => (
              <tr>
                <th scope="row">{k}</th>
                <td class="num" data-field={k}>
                  {fmt(v)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <h2>Errors</h2>
      {props.errors.length === 0 ? (
        <p>No item failed.</p>
      ) : (
        <>
          <p>
            <a href={`${mount}/jobs/${job.id}/errors.csv`} download>
              Download every error as CSV
            </a>
          </p>
          <div class="scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col" class="num">Line</th>
                  <th scope="col">Item</th>
                  <th scope="col">Code</th>
                  <th scope="col">Field</th>
                  <th scope="col">Message</th>
                </tr>
              </thead>
              <tbody>
                {props.errors.flatMap((e) =>
                  (e.errors.length > 0 ? e.errors : [{ path: '', message: '' }]).map((fe) => (
                    <tr>
                      <td class="num">{e.line ?? e.index}</td>
                      <td>{e.itemId ?? '—'}</td>
                      <td>{e.code}</td>
                      <td>{fe.path}</td>
                      <td>{fe.message}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
          {props.moreErrors && <p class="muted">The first {props.errors.length} items are shown; the CSV has them all.</p>}
        </>
      )}
    </Page>
  );
}
