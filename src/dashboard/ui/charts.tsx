/**
 * Small inline SVG charts (no script, no library): a horizontal bar per labelled value. Each chart
 * has a title and a description for screen readers, and the numbers are also printed beside the bars.
 */

export interface Bar {
  label: string;
  value: number;
  /** A status colour class (done, error, pending, ...). */
  tone?: string;
}

const COLORS: Record<string, string> = {
  done: '#1a7f37', completed: '#1a7f37', succeeded: '#1a7f37', ok: '#1a7f37',
  error: '#cf222e', failed: '#cf222e', bad: '#cf222e',
  partial: '#9a6700', retrying: '#9a6700', warn: '#9a6700',
  pending: '#0969da', processing: '#0550ae', delivering: '#0550ae',
};

export function BarChart(props: { title: string; bars: Bar[]; unit?: string }) {
  const rowHeight = 22;
  const labelWidth = 110;
  const width = 320;
  const barSpace = width - labelWidth - 60;
  const max = Math.max(1, ...props.bars.map((b) => b.value));
  const height = props.bars.length * rowHeight + 4;
  const id = `c${props.title.replace(/[^a-z0-9]/gi, '').toLowerCase()}`;
  return (
    <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${width} ${height}`} class="chart" preserveAspectRatio="xMinYMin meet">
      <title id={`${id}-t`}>{props.title}</title>
      <desc id={`${id}-d`}>{props.bars.map((b) => `${b.label}: ${b.value}${props.unit ?? ''}`).join(', ')}</desc>
      {props.bars.map((b, i) => {
        const y = i * rowHeight + 2;
        const w = Math.round((b.value / max) * barSpace);
        return (
          <g>
            <text x="0" y={y + 15}>{b.label}</text>
            <rect x={labelWidth} y={y + 3} width={Math.max(w, b.value > 0 ? 2 : 0)} height={rowHeight - 8} rx="3" fill={COLORS[b.tone ?? b.label] ?? '#57606a'} />
            <text x={labelWidth + w + 6} y={y + 15}>{`${b.value.toLocaleString('en-US')}${props.unit ?? ''}`}</text>
          </g>
        );
      })}
    </svg>
  );
}

/** A ring showing a share (0..1), e.g. the delivery success rate. */
export function Ring(props: { title: string; share: number | null }) {
  const r = 36;
  const c = 2 * Math.PI * r;
  const share = props.share ?? 0;
  const label = props.share === null ? 'no attempts' : `${(share * 100).toFixed(1)}%`;
  return (
    <svg role="img" aria-label={`${props.title}: ${label}`} viewBox="0 0 100 100" width="120" height="120">
      <circle cx="50" cy="50" r={r} fill="none" stroke="#d0d7de" stroke-width="10" />
      <circle cx="50" cy="50" r={r} fill="none" stroke={share >= 0.95 ? '#1a7f37' : share >= 0.8 ? '#9a6700' : '#cf222e'} stroke-width="10"
        stroke-dasharray={`${(share * c).toFixed(1)} ${c.toFixed(1)}`} transform="rotate(-90 50 50)" />
      <text x="50" y="55" text-anchor="middle">{label}</text>
    </svg>
  );
}
