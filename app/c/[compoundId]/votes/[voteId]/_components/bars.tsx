/** A horizontal bar with its number in words and optional threshold marks (e.g. 2/3), readable without colour. */
export function Bar({
  label,
  part,
  whole,
  marks = [],
}: {
  label: string;
  part: number;
  whole: number;
  marks?: { at: number; label: string }[];
}) {
  const share = whole > 0 ? Math.min(1, part / whole) : 0;
  return (
    <div>
      <p className="mb-1 flex justify-between gap-2 text-sm">
        <span>{label}</span>
        <span className="tabular-nums">{(share * 100).toFixed(1)}%</span>
      </p>
      <div
        role="img"
        aria-label={`${label}，${(share * 100).toFixed(1)}%`}
        className="relative h-4 rounded-full bg-stone-200 print:border print:border-stone-400"
      >
        <div className="h-4 rounded-full bg-brand-700" style={{ width: `${share * 100}%` }} />
        {marks.map((m) => (
          <span
            key={m.label}
            className="absolute -top-1 h-6 border-stone-900 border-l-2 border-dashed"
            style={{ left: `${m.at * 100}%` }}
          >
            <span className="absolute top-6 -translate-x-1/2 text-stone-700 text-xs">{m.label}</span>
          </span>
        ))}
      </div>
      {marks.length > 0 && <div className="h-4" />}
    </div>
  );
}
