/**
 * Thumbnails of private photos (served by /api/photos to the compound's members only): a 256 px
 * WebP square in the grid (the 1024 px size where a screen needs more), the photo as uploaded only
 * when someone opens it, so a topic with six photos stays light on mobile data
 * (docs/decisions/0019-performance.md). `alt(n)` names the n-th photo for screen readers.
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
              src={`/api/photos/${id}?w=256`}
              srcSet={`/api/photos/${id}?w=256 256w, /api/photos/${id}?w=1024 1024w`}
              sizes="(min-width: 640px) 10rem, calc(33vw - 1rem)"
              width={256}
              height={256}
              // The first row is likely on screen at once; the rest load as they come into view.
              loading={i < 3 ? 'eager' : 'lazy'}
              decoding="async"
              alt={alt(i + 1)}
              className="aspect-square w-full rounded-lg object-cover ring-1 ring-stone-200"
            />
          </a>
        </li>
      ))}
    </ul>
  );
}
