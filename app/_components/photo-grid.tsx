/**
 * Thumbnails of private photos (served by /api/photos to the compound's members only), each
 * opening the full photo. `alt(n)` names the n-th photo for screen readers.
 */
export function PhotoGrid({ ids, label, alt }: { ids: readonly number[]; label?: string; alt: (n: number) => string }) {
  if (ids.length === 0) return null;
  return (
    <ul aria-label={label} className="grid grid-cols-3 gap-2 sm:grid-cols-6">
      {ids.map((id, i) => (
        <li key={id}>
          <a href={`/api/photos/${id}`} target="_blank" rel="noopener">
            {/* biome-ignore lint/performance/noImgElement: private photos are served by our own handler */}
            <img
              src={`/api/photos/${id}`}
              alt={alt(i + 1)}
              className="aspect-square w-full rounded-lg object-cover ring-1 ring-stone-200"
            />
          </a>
        </li>
      ))}
    </ul>
  );
}
