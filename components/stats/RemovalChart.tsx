import type { ProviderStats } from '../../lib/tracking/stats';

const BAR = 22;
const GAP = 6;
const LABEL = 180;
const WIDTH = 560;

/** Horizontal bars of the removal rate per provider, in the order given; text is drawn as SVG text, never HTML. */
export function RemovalChart({ stats, label }: { stats: readonly ProviderStats[]; label: string }) {
  const plot = WIDTH - LABEL - 50;
  const height = stats.length * (BAR + GAP) + GAP;
  return (
    <svg
      role="img"
      aria-label={label}
      width="100%"
      viewBox={`0 0 ${WIDTH} ${height}`}
      className="chart"
      data-testid="removal-chart"
    >
      {stats.map((s, i) => {
        const y = GAP + i * (BAR + GAP);
        const w = Math.max(2, Math.round(plot * s.removalRate));
        const pct = `${Math.round(s.removalRate * 100)}%`;
        return (
          <g key={s.provider} data-provider={s.provider}>
            <text x={LABEL - 8} y={y + BAR * 0.7} textAnchor="end" className="chart__label">
              {s.name.length > 26 ? `${s.name.slice(0, 25)}…` : s.name}
            </text>
            <rect x={LABEL} y={y} width={plot} height={BAR} className="chart__track" />
            <rect
              x={LABEL}
              y={y}
              width={w}
              height={BAR}
              className={s.removalRate < 0.5 ? 'chart__bar chart__bar--low' : 'chart__bar'}
            />
            <text x={LABEL + plot + 6} y={y + BAR * 0.7} className="chart__value">
              {pct}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
