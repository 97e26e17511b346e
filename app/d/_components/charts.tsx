import type { SeriesPoint } from '@/lib/dashboard/series';

// Dashboards link with plain anchors, not next/link: a page of many figures would otherwise carry a
// client component per number, which doubles what the server renders for every viewer.

/** One row of a bar list: label, number (a link to the topics behind it) and a bar; the number is the text equivalent. */
export interface BarRow {
  key: string;
  label: string;
  value: number;
  href?: string | undefined;
  note?: string | undefined;
}

export function BarList({ rows, max, dark = false }: { rows: BarRow[]; max: number; dark?: boolean }) {
  return (
    <ol className={dark ? 'space-y-6' : 'space-y-3'}>
      {rows.map((r) => {
        const share = max > 0 ? Math.min(1, r.value / max) : 0;
        return (
          <li key={r.key}>
            <p className="mb-1 flex items-baseline justify-between gap-3">
              <span>{r.label}</span>
              <span className="tabular-nums">
                {r.href ? (
                  <a href={r.href} className="font-semibold text-[1.15em] underline underline-offset-4">
                    {r.value}
                  </a>
                ) : (
                  <span className="font-semibold text-[1.15em]">{r.value}</span>
                )}
                {r.note && (
                  <span className={dark ? 'ml-2 text-slate-300' : 'ml-2 text-sm text-stone-600'}>{r.note}</span>
                )}
              </span>
            </p>
            <div aria-hidden className={`${dark ? 'h-5 bg-slate-700' : 'h-3 bg-stone-200'} rounded-full print:border`}>
              <div
                className={`${dark ? 'h-5 bg-amber-400' : 'h-3 bg-brand-700'} rounded-full`}
                style={{ width: `${share * 100}%` }}
              />
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/**
 * Raised and closed topics over the period as two lines (SVG), with the same numbers in a table
 * for screen readers and print. Lines differ by dash as well as colour.
 */
export function LineChart({
  points,
  labels,
  dateOf,
  dark = false,
}: {
  points: SeriesPoint[];
  labels: { raised: string; closed: string; period: string; table: string };
  dateOf: (ms: number) => string;
  dark?: boolean;
}) {
  const W = 600;
  const H = dark ? 260 : 180;
  const pad = dark ? 52 : 28;
  const fs = dark ? 22 : 12;
  const max = Math.max(1, ...points.map((p) => Math.max(p.raised, p.closed)));
  const x = (i: number) => pad + (points.length <= 1 ? 0 : (i * (W - 2 * pad)) / (points.length - 1));
  const y = (v: number) => H - pad - (v * (H - 2 * pad)) / max;
  const path = (key: 'raised' | 'closed') => points.map((p, i) => `${i ? 'L' : 'M'}${x(i)},${y(p[key])}`).join(' ');
  const ink = dark ? '#e2e8f0' : '#44403c';
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-hidden>
        <line x1={pad} x2={W - pad} y1={H - pad} y2={H - pad} stroke={ink} strokeWidth="1" />
        <text x={pad - 6} y={y(max) + 4} textAnchor="end" fontSize={fs} fill={ink}>
          {max}
        </text>
        <text x={pad - 6} y={H - pad + 4} textAnchor="end" fontSize={fs} fill={ink}>
          0
        </text>
        <path d={path('raised')} fill="none" stroke={dark ? '#fbbf24' : '#9b1c1c'} strokeWidth="3" />
        <path
          d={path('closed')}
          fill="none"
          stroke={dark ? '#38bdf8' : '#0369a1'}
          strokeWidth="3"
          strokeDasharray="8 5"
        />
        {points.length > 0 && (
          <>
            <text x={pad} y={H - pad + fs + 6} fontSize={fs} fill={ink}>
              {dateOf(points[0]?.start ?? 0)}
            </text>
            <text x={W - pad} y={H - pad + fs + 6} fontSize={fs} fill={ink} textAnchor="end">
              {dateOf(points[points.length - 1]?.start ?? 0)}
            </text>
          </>
        )}
      </svg>
      <figcaption
        className={`mt-2 flex flex-wrap gap-4 ${dark ? 'text-2xl text-slate-200' : 'text-sm text-stone-700'}`}
      >
        <span>
          <span aria-hidden className={dark ? 'text-amber-400' : 'text-brand-700'}>
            ━━
          </span>{' '}
          {labels.raised}
        </span>
        <span>
          <span aria-hidden className={dark ? 'text-sky-400' : 'text-sky-700'}>
            ╍╍
          </span>{' '}
          {labels.closed}
        </span>
      </figcaption>
      {!dark && (
        <details className="mt-2 print:open">
          <summary className="cursor-pointer text-sm text-stone-700 underline">{labels.table}</summary>
          <table className="mt-2 w-full text-sm">
            <thead>
              <tr className="text-left text-stone-600">
                <th className="py-1 font-medium">{labels.period}</th>
                <th className="py-1 text-right font-medium">{labels.raised}</th>
                <th className="py-1 text-right font-medium">{labels.closed}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.start} className="border-stone-100 border-t">
                  <td className="py-1">{dateOf(p.start)}</td>
                  <td className="py-1 text-right tabular-nums">{p.raised}</td>
                  <td className="py-1 text-right tabular-nums">{p.closed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}

/** A big number with its label; a link when there is a list behind it. */
export function Tile({
  label,
  value,
  href,
  hint,
  tone = 'plain',
}: {
  label: string;
  value: string;
  href?: string | undefined;
  hint?: string | undefined;
  tone?: 'plain' | 'alert';
}) {
  const body = (
    <>
      <dt className="text-sm text-stone-600">{label}</dt>
      <dd className={`font-bold text-3xl tabular-nums ${tone === 'alert' ? 'text-brand-700' : ''}`}>{value}</dd>
      {hint && <dd className="text-sm text-stone-600">{hint}</dd>}
    </>
  );
  const cls = 'block h-full rounded-xl bg-white p-4 ring-1 ring-stone-200';
  return (
    <div>
      {href ? (
        <a href={href} className={`${cls} transition hover:ring-brand-600`}>
          <dl>{body}</dl>
        </a>
      ) : (
        <dl className={cls}>{body}</dl>
      )}
    </div>
  );
}
