import { useId } from 'react';

export interface ChartSeries {
  name: string;
  values: readonly number[];
  color: string;
}

const width = 640;
const height = 220;
const margin = { top: 12, right: 12, bottom: 40, left: 40 };

/**
 * A small SVG bar chart (grouped or stacked), drawn by hand: no chart library, no canvas. It is an
 * image with a text alternative; the same numbers are always offered as a table beside it.
 */
export function BarChart({
  title,
  categories,
  series,
  stacked = false,
}: {
  title: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
  stacked?: boolean;
}) {
  const titleId = useId();
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const totals = categories.map((_, i) =>
    stacked
      ? series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0)
      : Math.max(0, ...series.map((s) => s.values[i] ?? 0)),
  );
  const max = Math.max(1, ...totals);
  const band = plotWidth / Math.max(1, categories.length);
  const barWidth = stacked ? band * 0.6 : (band * 0.8) / Math.max(1, series.length);
  const y = (value: number) => (value / max) * plotHeight;
  const ticks = [0, Math.round(max / 2), max];

  return (
    <svg
      role="img"
      aria-labelledby={titleId}
      viewBox={`0 0 ${width} ${height}`}
      className="bar-chart"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={titleId}>{title}</title>
      {ticks.map((tick) => (
        <g key={tick}>
          <line
            x1={margin.left}
            x2={width - margin.right}
            y1={margin.top + plotHeight - y(tick)}
            y2={margin.top + plotHeight - y(tick)}
            stroke="#cccccc"
          />
          <text x={margin.left - 6} y={margin.top + plotHeight - y(tick) + 4} textAnchor="end" fontSize="11">
            {tick}
          </text>
        </g>
      ))}
      {categories.map((category, i) => {
        let stackTop = 0;
        return (
          <g key={category}>
            {series.map((s, j) => {
              const value = s.values[i] ?? 0;
              const barHeight = y(value);
              const x = stacked
                ? margin.left + i * band + (band - barWidth) / 2
                : margin.left + i * band + band * 0.1 + j * barWidth;
              const top = margin.top + plotHeight - barHeight - (stacked ? stackTop : 0);
              if (stacked) stackTop += barHeight;
              return (
                <rect key={s.name} x={x} y={top} width={Math.max(1, barWidth - 2)} height={barHeight} fill={s.color} />
              );
            })}
            <text
              x={margin.left + i * band + band / 2}
              y={height - margin.bottom + 16}
              textAnchor="middle"
              fontSize="11"
            >
              {category}
            </text>
          </g>
        );
      })}
      {series.length > 1
        ? series.map((s, j) => (
            <g key={s.name} transform={`translate(${margin.left + j * 150}, ${height - 10})`}>
              <rect width="10" height="10" y="-9" fill={s.color} />
              <text x="14" fontSize="11">
                {s.name}
              </text>
            </g>
          ))
        : null}
    </svg>
  );
}
