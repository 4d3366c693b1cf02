import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { type SeriesPoint, usDate } from "../../engine";
import { formatAmount } from "../actions/format";

const useStyles = makeStyles({
  chart: { width: "100%", height: "auto", display: "block" },
  excess: { stroke: tokens.colorBrandForeground1, fill: "none", strokeWidth: 2 },
  target: {
    stroke: tokens.colorPaletteDarkOrangeForeground1,
    fill: "none",
    strokeWidth: 1.5,
    strokeDasharray: "5 3",
  },
  zero: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  dot: { fill: tokens.colorBrandForeground1 },
  bad: { fill: tokens.colorPaletteRedForeground1 },
  label: { fill: tokens.colorNeutralForeground3, fontSize: "10px" },
  legend: {
    display: "flex",
    columnGap: tokens.spacingHorizontalM,
    fontSize: tokens.fontSizeBase200,
  },
  swatchExcess: { color: tokens.colorBrandForeground1 },
  swatchTarget: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

const W = 320;
const H = 150;
const PAD = { left: 8, right: 8, top: 10, bottom: 22 };

/**
 * Excess against the management target across periods: a small SVG, no chart
 * library (the pane's bundle budget). Its numbers are in the periods table below;
 * the picture only shows the trend, so its accessible name says it in words.
 */
export function ExcessChart({
  points,
  title,
}: {
  points: SeriesPoint[];
  title: string;
}): React.JSX.Element | null {
  const styles = useStyles();
  const values = points.flatMap((p) =>
    [p.excess, p.target].filter((v) => v !== null).map((v) => v!.toNumber())
  );
  if (points.length < 2 || values.length === 0) return null;
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const span = hi - lo || 1;
  const x = (i: number) => PAD.left + (i * (W - PAD.left - PAD.right)) / (points.length - 1);
  const y = (v: number) => PAD.top + ((hi - v) * (H - PAD.top - PAD.bottom)) / span;
  const path = (pick: (p: SeriesPoint) => number | null) =>
    points
      .map((p, i) => [i, pick(p)] as const)
      .filter(([, v]) => v !== null)
      .map(([i, v], k) => `${k === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(v!).toFixed(1)}`)
      .join(" ");
  const first = points[0];
  const last = points[points.length - 1];
  const below = points.filter((p) => p.overTarget !== null && p.overTarget.isNegative()).length;
  const summary =
    `${title}: excess from ${first.excess ? formatAmount(first.excess) : "blank"} on ${usDate(first.asOf)} ` +
    `to ${last.excess ? formatAmount(last.excess) : "blank"} on ${usDate(last.asOf)}` +
    (last.target ? `; target ${formatAmount(last.target)}` : "") +
    `; ${below} of ${points.length} periods under target.`;

  return (
    <figure style={{ margin: 0 }}>
      <svg className={styles.chart} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        <line className={styles.zero} x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} />
        <path className={styles.target} d={path((p) => p.target?.toNumber() ?? null)} />
        <path className={styles.excess} d={path((p) => p.excess?.toNumber() ?? null)} />
        {points.map((p, i) =>
          p.excess ? (
            <circle
              key={p.scope}
              className={p.status === "ok" ? styles.dot : styles.bad}
              cx={x(i)}
              cy={y(p.excess.toNumber())}
              r={p.status === "ok" ? 2.5 : 3.5}
            />
          ) : null
        )}
        <text className={styles.label} x={PAD.left} y={H - 6}>
          {usDate(first.asOf)}
        </text>
        <text className={styles.label} x={W - PAD.right} y={H - 6} textAnchor="end">
          {usDate(last.asOf)}
        </text>
      </svg>
      <figcaption className={styles.legend}>
        <span className={styles.swatchExcess}>━ Excess</span>
        <span className={styles.swatchTarget}>╌ Target</span>
      </figcaption>
    </figure>
  );
}
