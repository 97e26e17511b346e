import { type InputHTMLAttributes, type SelectHTMLAttributes, type TextareaHTMLAttributes, useId } from 'react';

const INPUT = 'block w-full rounded-lg border bg-white px-3 py-2 text-base outline-none focus:border-brand-600';

function Messages({ id, error, hint }: { id: string; error?: string | null; hint?: string }) {
  return (
    <>
      {hint && !error && <p className="mt-1 text-sm text-stone-600">{hint}</p>}
      {error && (
        <p id={id} className="mt-1 text-brand-700 text-sm">
          {error}
        </p>
      )}
    </>
  );
}

type Common = { label: string; error?: string | null; hint?: string };

export function TextField({
  label,
  error,
  hint,
  className = '',
  ...props
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        className={`${INPUT} ${error ? 'border-brand-700' : 'border-stone-300'}`}
        {...props}
      />
      <Messages id={`${id}-err`} error={error} hint={hint} />
    </div>
  );
}

export function TextArea({
  label,
  error,
  hint,
  className = '',
  ...props
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
      </label>
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        className={`${INPUT} min-h-28 ${error ? 'border-brand-700' : 'border-stone-300'}`}
        {...props}
      />
      <Messages id={`${id}-err`} error={error} hint={hint} />
    </div>
  );
}

export function SelectField({
  label,
  error,
  hint,
  className = '',
  children,
  ...props
}: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
      </label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        className={`${INPUT} min-h-11 ${error ? 'border-brand-700' : 'border-stone-300'}`}
        {...props}
      >
        {children}
      </select>
      <Messages id={`${id}-err`} error={error} hint={hint} />
    </div>
  );
}
