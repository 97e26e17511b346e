/** A fieldset of checkboxes sharing one name, with large touch targets and its error underneath. */
export function CheckboxGroup({
  legend,
  hint,
  name,
  items,
  error,
  columns = 'sm:grid-cols-2',
  scroll = false,
}: {
  legend: string;
  hint?: string;
  name: string;
  items: { value: number | string; label: string; checked?: boolean }[];
  error?: string | null;
  columns?: string;
  scroll?: boolean;
}) {
  return (
    <fieldset aria-invalid={error ? true : undefined}>
      <legend className="mb-2 font-medium">{legend}</legend>
      {hint && <p className="mb-2 text-sm text-stone-600">{hint}</p>}
      <div className={`grid gap-2 ${columns} ${scroll ? 'max-h-72 overflow-auto' : ''}`}>
        {items.map((i) => (
          <label key={i.value} className="flex min-h-11 items-center gap-3 rounded-lg px-3 ring-1 ring-stone-200">
            <input
              type="checkbox"
              name={name}
              value={i.value}
              defaultChecked={i.checked}
              className="size-5 shrink-0 accent-brand-700"
            />
            {i.label}
          </label>
        ))}
      </div>
      {error && <p className="mt-1 text-brand-700 text-sm">{error}</p>}
    </fieldset>
  );
}
