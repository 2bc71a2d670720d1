// The report viewer's two pictures (issue 13, item 4), as inline SVG drawn by
// React: no chart library. Each is role="img" with a title and a description,
// and the same numbers follow in a table. Sizes: x positions and widths are
// percentages of the SVG's own width (no viewBox), so the bars stretch with the
// page while text keeps its size at any width; heights are fixed. Colours come
// from CSS classes (DmarcReports.css: --mg-ok, --mg-fail and Starlight's
// --sl-color-*), so they follow the light and dark themes; failed messages
// also carry a hatch, so the two parts differ without colour.
import { memo, useId, type ReactNode } from 'react';
import { groupName, type Day, type ReportsText, type SourceGroup } from '~/core';
import { dayChart } from './model';
import type { DmarcStrings } from './strings.zh';

const pct = (share: number): string => `${(share * 100).toFixed(3)}%`;

/** The hatch that marks failed messages (a pattern per chart: ids must be unique in the page). */
function FailHatch({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={id} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
        <rect width="6" height="6" className="mg-chart-fail" />
        <line x1="0" y1="0" x2="0" y2="6" className="mg-chart-hatch" />
      </pattern>
    </defs>
  );
}

function Legend({ s, hatchId }: { s: DmarcStrings; hatchId: string }) {
  return (
    <ul className="mg-chart-legend" aria-hidden="true">
      <li>
        <svg width="14" height="14" focusable="false">
          <rect width="14" height="14" className="mg-chart-pass" />
        </svg>
        <span>{s.legendPass}</span>
      </li>
      <li>
        <svg width="14" height="14" focusable="false">
          <rect width="14" height="14" fill={`url(#${hatchId})`} />
        </svg>
        <span>{s.legendFail}</span>
      </li>
    </ul>
  );
}

/** A data table under a chart, closed until asked for, scrolling inside a labelled region when narrow. */
function ChartTable({ label, s, children }: { label: string; s: DmarcStrings; children: ReactNode }) {
  return (
    <details className="mg-chart-table">
      <summary>{s.showTable}</summary>
      <div className="mg-scroll" role="region" aria-label={s.scrollRegion(label)} tabIndex={0}>
        <table>{children}</table>
      </div>
    </details>
  );
}

const PLOT_TOP = 14;
const PLOT_HEIGHT = 150;
const AXIS = 22;

export const DayChart = memo(function DayChart({
  days,
  s,
  text,
}: {
  days: readonly Day[];
  s: DmarcStrings;
  text: ReportsText;
}) {
  const id = useId();
  const chart = dayChart(days, 5);
  const first = days[0]?.day ?? '';
  const last = days.at(-1)?.day ?? '';
  const y = (share: number): number => PLOT_TOP + PLOT_HEIGHT * (1 - share);
  const grid = [0, 0.5, 1];
  const hatch = `${id}-hatch`;
  return (
    <figure className="mg-chart" data-chart="days">
      <figcaption className="mg-chart-title" id={`${id}-t`}>
        {s.dayChartTitle}
      </figcaption>
      <Legend s={s} hatchId={hatch} />
      <svg
        className="mg-chart-svg"
        width="100%"
        height={PLOT_TOP + PLOT_HEIGHT + AXIS}
        role="img"
        aria-labelledby={`${id}-st ${id}-sd`}
        focusable="false"
      >
        <title id={`${id}-st`}>{s.dayChartTitle}</title>
        <desc id={`${id}-sd`}>{s.dayChartDesc(days.length, first, last, chart.max)}</desc>
        <FailHatch id={hatch} />
        {grid.map((g) => (
          <g key={g}>
            <line x1="0" x2="100%" y1={y(g)} y2={y(g)} className={g === 0 ? 'mg-chart-axis' : 'mg-chart-grid'} />
            {g > 0 ? (
              <text x="100%" y={y(g) - 3} textAnchor="end" className="mg-chart-label mg-chart-halo">
                {text.count(Math.round(chart.top * g))}
              </text>
            ) : null}
          </g>
        ))}
        {chart.bars.map((b) => (
          <g key={b.day}>
            <title>{`${b.day}: ${text.count(b.pass + b.fail)} (${s.legendPass} ${text.count(b.pass)}, ${s.legendFail} ${text.count(b.fail)})`}</title>
            {b.pass > 0 ? (
              <rect
                x={pct(b.x)}
                width={pct(b.width)}
                y={y(b.passHeight)}
                height={PLOT_HEIGHT * b.passHeight}
                className="mg-chart-pass"
              />
            ) : null}
            {b.fail > 0 ? (
              <rect
                x={pct(b.x)}
                width={pct(b.width)}
                y={y(b.passHeight + b.failHeight)}
                height={PLOT_HEIGHT * b.failHeight}
                fill={`url(#${hatch})`}
              />
            ) : null}
          </g>
        ))}
        {chart.labelled.map((i, k) => {
          const b = chart.bars[i];
          if (!b) return null;
          const anchor =
            chart.labelled.length === 1
              ? 'middle'
              : k === 0
                ? 'start'
                : k === chart.labelled.length - 1
                  ? 'end'
                  : 'middle';
          const x = anchor === 'start' ? b.x : anchor === 'end' ? b.x + b.width : b.x + b.width / 2;
          return (
            <text key={b.day} x={pct(x)} y={PLOT_TOP + PLOT_HEIGHT + 16} textAnchor={anchor} className="mg-chart-label">
              {b.day.slice(5)}
            </text>
          );
        })}
      </svg>
      <ChartTable label={s.dayChartTitle} s={s}>
        <caption className="mg-sr-only">{s.dayChartTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{s.day}</th>
            <th scope="col">{s.messages}</th>
            <th scope="col">{s.passed}</th>
            <th scope="col">{s.failed}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}>
              <th scope="row">{d.day}</th>
              <td>{text.count(d.messages)}</td>
              <td>{text.count(d.pass)}</td>
              <td>{text.count(d.fail)}</td>
            </tr>
          ))}
        </tbody>
      </ChartTable>
    </figure>
  );
});

const ROW = 40;
const NAME_MAX = 48;

export const RateChart = memo(function RateChart({
  groups,
  limit,
  s,
  text,
}: {
  groups: readonly SourceGroup[];
  limit: number;
  s: DmarcStrings;
  text: ReportsText;
}) {
  const id = useId();
  const hatch = `${id}-hatch`;
  const rows = groups.filter((g) => g.messages > 0).slice(0, limit);
  const name = (g: SourceGroup): string => {
    const full = groupName(g, text);
    return full.length > NAME_MAX ? `${full.slice(0, NAME_MAX - 1)}…` : full;
  };
  return (
    <figure className="mg-chart" data-chart="sources">
      <figcaption className="mg-chart-title">{s.rateChartTitle}</figcaption>
      <Legend s={s} hatchId={hatch} />
      <svg
        className="mg-chart-svg"
        width="100%"
        height={rows.length * ROW + 4}
        role="img"
        aria-labelledby={`${id}-st ${id}-sd`}
        focusable="false"
      >
        <title id={`${id}-st`}>{s.rateChartTitle}</title>
        <desc id={`${id}-sd`}>{s.rateChartDesc(rows.length)}</desc>
        <FailHatch id={hatch} />
        {rows.map((g, i) => {
          const share = g.pass / g.messages;
          const top = i * ROW;
          return (
            <g key={g.key}>
              <text x="0" y={top + 14} className="mg-chart-name">
                {name(g)}
              </text>
              <text x="100%" y={top + 14} textAnchor="end" className="mg-chart-label">
                {`${s.share(g.pass, g.messages)} · ${text.count(g.messages)}`}
              </text>
              {share > 0 ? <rect x="0" y={top + 20} width={pct(share)} height="14" className="mg-chart-pass" /> : null}
              {share < 1 ? (
                <rect x={pct(share)} y={top + 20} width={pct(1 - share)} height="14" fill={`url(#${hatch})`} />
              ) : null}
            </g>
          );
        })}
      </svg>
      <ChartTable label={s.rateChartTitle} s={s}>
        <caption className="mg-sr-only">{s.rateChartTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{s.source}</th>
            <th scope="col">{s.messages}</th>
            <th scope="col">{s.passed}</th>
            <th scope="col">{s.rate}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((g) => (
            <tr key={g.key}>
              <th scope="row">{groupName(g, text)}</th>
              <td>{text.count(g.messages)}</td>
              <td>{text.count(g.pass)}</td>
              <td>{s.share(g.pass, g.messages)}</td>
            </tr>
          ))}
        </tbody>
      </ChartTable>
    </figure>
  );
});
