'use client';

import { useState } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import { Button } from './button';
import { SelectField, TextArea, TextField } from './field';
import { FormStatus } from './form-status';
import { PhotoField, type PhotoFieldTexts } from './photo-field';
import { useActionForm } from './use-action-form';

/** One control of a SpecForm. Labels and options arrive translated from the server. */
export type FieldSpec =
  | {
      kind: 'file';
      name: string;
      label: string;
      hint?: string;
      texts: PhotoFieldTexts;
      /** The types the picker offers (default: photos). */
      accept?: string;
      /** Whether several may be chosen (default: yes). */
      multiple?: boolean;
    }
  | {
      kind: 'text' | 'number' | 'datetime';
      name: string;
      label: string;
      hint?: string;
      defaultValue?: string;
      min?: number;
      max?: number;
      maxLength?: number;
      /** For a file: the types the picker offers (default: photos). */
      accept?: string;
      /** For a file: whether several may be chosen (default: yes). */
      multiple?: boolean;
    }
  | {
      kind: 'textarea';
      name: string;
      label: string;
      hint?: string;
      defaultValue?: string;
      maxLength: number;
      rows?: number;
    }
  | {
      kind: 'select' | 'radio';
      name: string;
      label: string;
      hint?: string;
      defaultValue?: string;
      options: { value: string; label: string }[];
      /** Show the listed fields only while this control has one of these values. */
      reveals?: Record<string, string[]>;
    };

type Action = (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;

/**
 * A small form described as data: hidden values, labelled controls with their errors beside them,
 * the server's answer, and one submit button. Used for the many one-purpose forms of follow-through
 * so each keeps the typed text on error and shows every message next to its field.
 */
export function SpecForm(props: {
  action: Action;
  hidden?: Record<string, string | number>;
  fields: FieldSpec[];
  submit: string;
  variant?: 'primary' | 'secondary' | 'danger';
  resetOnSuccess?: boolean;
  className?: string;
}) {
  const { state, pending, onSubmit, fieldError, formRef, besideFields } = useActionForm(props.action, {
    resetOnSuccess: props.resetOnSuccess ?? true,
  });
  const initial: Record<string, string> = {};
  for (const f of props.fields) if (f.kind === 'select' || f.kind === 'radio') initial[f.name] = f.defaultValue ?? '';
  const [choice, setChoice] = useState(initial);
  const hiddenBy = new Set<string>();
  for (const f of props.fields) {
    if ((f.kind === 'select' || f.kind === 'radio') && f.reveals) {
      for (const [target, values] of Object.entries(f.reveals)) {
        if (!values.includes(choice[f.name] ?? '')) hiddenBy.add(target);
      }
    }
  }
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className={`space-y-3 ${props.className ?? ''}`}>
      {Object.entries(props.hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {props.fields
        .filter((f) => !hiddenBy.has(f.name))
        .map((f) => {
          const error = fieldError(f.name);
          switch (f.kind) {
            case 'textarea':
              return (
                <TextArea
                  key={f.name}
                  label={f.label}
                  name={f.name}
                  hint={f.hint}
                  maxLength={f.maxLength}
                  rows={f.rows ?? 3}
                  defaultValue={f.defaultValue}
                  error={error}
                />
              );
            case 'select':
              return (
                <SelectField
                  key={f.name}
                  label={f.label}
                  name={f.name}
                  hint={f.hint}
                  value={choice[f.name] ?? ''}
                  onChange={(e) => setChoice({ ...choice, [f.name]: e.target.value })}
                  error={error}
                >
                  {f.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </SelectField>
              );
            case 'radio':
              return (
                <fieldset key={f.name}>
                  <legend className="mb-1 font-medium">{f.label}</legend>
                  <div className="flex flex-wrap gap-2">
                    {f.options.map((o) => (
                      <label
                        key={o.value}
                        className="flex min-h-11 items-center gap-2 rounded-lg bg-white px-3 ring-1 ring-stone-200"
                      >
                        <input
                          type="radio"
                          name={f.name}
                          value={o.value}
                          checked={choice[f.name] === o.value}
                          onChange={() => setChoice({ ...choice, [f.name]: o.value })}
                          className="size-5 accent-brand-700"
                        />
                        {o.label}
                      </label>
                    ))}
                  </div>
                  {error && <p className="mt-1 text-brand-700 text-sm">{error}</p>}
                </fieldset>
              );
            case 'file':
              return (
                <PhotoField
                  key={f.name}
                  label={f.label}
                  name={f.name}
                  hint={f.hint}
                  error={error}
                  texts={f.texts}
                  accept={f.accept}
                  multiple={f.multiple}
                />
              );
            default:
              return (
                <TextField
                  key={f.name}
                  label={f.label}
                  name={f.name}
                  hint={f.hint}
                  type={f.kind === 'datetime' ? 'datetime-local' : f.kind}
                  inputMode={f.kind === 'number' ? 'numeric' : undefined}
                  min={f.min}
                  max={f.max}
                  maxLength={f.maxLength}
                  defaultValue={f.defaultValue}
                  error={error}
                />
              );
          }
        })}
      <FormStatus state={state} besideFields={besideFields} />
      <Button type="submit" variant={props.variant ?? 'primary'} disabled={pending}>
        {props.submit}
      </Button>
    </form>
  );
}
