'use client';

import { useId, useState } from 'react';
import { buttonClass } from './button';

export interface PhotoFieldTexts {
  /** The button's words, e.g. 选择照片 (the browser's own would be in the browser's language: "Choose Files"). */
  choose: string;
  /** Nothing chosen yet. */
  none: string;
  /** Chosen: with {n} for how many (a single-file picker shows the file's name instead). */
  chosen: string;
}

/**
 * A file picker in the page's language (photos by default; documents and CSV files too): the
 * browser's file input, kept for the form and for assistive technology, behind a button and a line
 * that say what was chosen — how many, or for a single file its name.
 */
export function PhotoField({
  label,
  name,
  hint,
  error,
  texts,
  accept = 'image/jpeg,image/png,image/webp',
  multiple = true,
}: {
  label: string;
  name: string;
  hint?: string;
  error?: string | null;
  texts: PhotoFieldTexts;
  /** The types the picker offers (default: photos; an assembly's materials also take PDF). */
  accept?: string;
  multiple?: boolean;
}) {
  const id = useId();
  const [chosen, setChosen] = useState<{ count: number; name: string }>({ count: 0, name: '' });
  const described = [hint && !error ? `${id}-hint` : null, error ? `${id}-err` : null, `${id}-chosen`]
    .filter(Boolean)
    .join(' ');
  return (
    <div>
      <span id={`${id}-label`} className="mb-1 block font-medium">
        {label}
      </span>
      <div className="flex flex-wrap items-center gap-3">
        <input
          id={id}
          type="file"
          name={name}
          multiple={multiple}
          accept={accept}
          aria-labelledby={`${id}-label ${id}-button`}
          aria-describedby={described}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            const files = e.currentTarget.files;
            setChosen({ count: files?.length ?? 0, name: files?.[0]?.name ?? '' });
          }}
          className="peer sr-only"
        />
        <label
          id={`${id}-button`}
          htmlFor={id}
          className={buttonClass(
            'secondary',
            'cursor-pointer peer-focus-visible:outline-3 peer-focus-visible:outline-brand-600 peer-focus-visible:outline-offset-2',
          )}
        >
          {texts.choose}
        </label>
        <span id={`${id}-chosen`} aria-live="polite" className="text-stone-700">
          {chosen.count === 0
            ? texts.none
            : !multiple && chosen.name
              ? chosen.name
              : texts.chosen.replace('{n}', String(chosen.count))}
        </span>
      </div>
      {hint && !error && (
        <p id={`${id}-hint`} className="mt-1 text-sm text-stone-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-err`} className="mt-1 text-brand-700 text-sm">
          {error}
        </p>
      )}
    </div>
  );
}
