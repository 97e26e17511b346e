import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';

const INPUT =
  'block min-h-11 w-full rounded-lg border bg-white px-3 py-2 text-base outline-none focus:border-brand-600';

type Common = { label: string; error?: string | null; hint?: string };

/**
 * A labelled control with its hint or error underneath; the error is tied to the control with
 * aria-describedby so a screen reader reads it with the field.
 */
function Field({
  label,
  error,
  hint,
  className = '',
  children,
}: Common & {
  className?: string;
  children: (a11y: { id: string; invalid: boolean; describedBy?: string; cls: string }) => ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-err`;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
      </label>
      {children({
        id,
        invalid: Boolean(error),
        describedBy: error ? errorId : undefined,
        cls: `${INPUT} ${error ? 'border-brand-700' : 'border-stone-300'}`,
      })}
      {hint && !error && <p className="mt-1 text-sm text-stone-600">{hint}</p>}
      {error && (
        <p id={errorId} className="mt-1 text-brand-700 text-sm">
          {error}
        </p>
      )}
    </div>
  );
}

export function TextField({ label, error, hint, className, ...props }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {(a) => (
        <input
          id={a.id}
          aria-invalid={a.invalid || undefined}
          aria-describedby={a.describedBy}
          className={a.cls}
          {...props}
        />
      )}
    </Field>
  );
}

export function TextArea({
  label,
  error,
  hint,
  className,
  ...props
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {(a) => (
        <textarea
          id={a.id}
          aria-invalid={a.invalid || undefined}
          aria-describedby={a.describedBy}
          className={`${a.cls} min-h-28`}
          {...props}
        />
      )}
    </Field>
  );
}

export function SelectField({
  label,
  error,
  hint,
  className,
  children,
  ...props
}: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {(a) => (
        <select
          id={a.id}
          aria-invalid={a.invalid || undefined}
          aria-describedby={a.describedBy}
          className={`${a.cls} min-h-11`}
          {...props}
        >
          {children}
        </select>
      )}
    </Field>
  );
}
