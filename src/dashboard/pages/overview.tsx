import type { StatsT } from '../../stats/stats.index';
import { BarChart, Ring } from '../ui/charts';
import { type Frame, fmt, Page, when } from '../ui/layout';

const bars = (counts: Record<string, number>) => Object.entries(counts).map(([label, value]) => ({ label, value }));

export function OverviewPage(props: { frame: Frame; stats: StatsT }) {
  const { stats } = props;
  const running = (stats.jobs.byStatus.pending ?? 0) + (stats.jobs.byStatus.processing ?? 0);
  return (
    <Page {...props.frame}>
      <h1>Overview</h1>
      <div class="cards">
        <section class="card" aria-labelledby="ov-products">
          <h2 id="ov-products">Products</h2>
          <p class="big">{fmt(stats.products.total)}</p>
          <BarChart title="Products by status" bars={bars(stats.products.byStatus)} />
        </section>
        <section class="card" aria-labelledby="ov-images">
          <h2 id="ov-images">Images</h2>
          <p class="big">{fmt(stats.images.total)}</p>
          <BarChart title="Images by status" bars={bars(stats.images.byStatus)} />
        </section>
        <section class="card" aria-labelledby="ov-jobs">
          <h2 id="ov-jobs">Jobs</h2>
          <p class="big">{fmt(running)} <span class="muted">running</span></p>
          <BarChart title="Jobs by status" bars={bars(stats.jobs.byStatus)} />
          <p class="muted">
            Duration, last {stats.windowHours} h: p50 {fmt(stats.jobs.durationMs.p50)} ms · p95 {fmt(stats.jobs.durationMs.p95)} ms ({fmt(stats.jobs.durationMs.count)} jobs)
          </p>
        </section>
        <section class="card" aria-labelledby="ov-deliveries">
          <h2 id="ov-deliveries">Webhook deliveries</h2>
          <Ring title="Delivery success rate" share={stats.deliveries.successRate} />
          <p class="muted">
            {fmt(stats.deliveries.succeeded)} of {fmt(stats.deliveries.attempts)} attempts succeeded in {stats.windowHours} h · p95 {fmt(stats.deliveries.latencyMs.p95)} ms
          </p>
        </section>
      </div>
      <h2>Oldest pending work per queue</h2>
      <BarChart title="Queue lag in seconds" unit=" s" bars={stats.queues.map((q) => ({ label: q.queue, value: q.lagSeconds, tone: q.lagSeconds > 60 ? 'bad' : 'ok' }))} />
      <div class="scroll">
        <table>
          <caption class="muted">Read from the rows D1 keeps for each queue: due work waiting past its time is lag.</caption>
          <thead>
            <tr>
              <th scope="col">Queue</th>
              <th scope="col" class="num">Pending</th>
              <th scope="col" class="num">Due now</th>
              <th scope="col">Oldest due</th>
              <th scope="col" class="num">Lag</th>
            </tr>
          </thead>
          <tbody>
            {stats.queues.map((q) => (
              <tr>
                <th scope="row">{q.queue}</th>
                <td class="num">{fmt(q.pending)}</td>
                <td class="num">{fmt(q.due)}</td>
                <td>{when(q.oldestDueAt)}</td>
                <td class="num">{fmt(q.lagSeconds)} s</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {stats.deliveries.endpoints.length > 0 && (
        <>
          <h2>Endpoints</h2>
          <BarChart
            title="Delivery success per endpoint in percent"
            unit="%"
            bars={stats.deliveries.endpoints.map((e) => ({ label: e.id.slice(-8), value: Math.round((e.successRate ?? 0) * 100), tone: (e.successRate ?? 0) >= 0.95 ? 'ok' : 'bad' }))}
          />
        </>
      )}
    </Page>
  );
}
