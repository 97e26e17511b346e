'use client';

import { type FormEvent, useActionState, useEffect, useRef, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/result';

type Action<T> = (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * Runs a server action from a form without React's automatic reset, so what a person typed stays
 * in the form when the server answers with errors; the form is cleared only after success when
 * `resetOnSuccess` is set.
 */
export function useActionForm<T>(action: Action<T>, opts: { resetOnSuccess?: boolean } = {}) {
  const [state, dispatch] = useActionState(action, null);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (state?.ok && opts.resetOnSuccess) formRef.current?.reset();
  }, [state, opts.resetOnSuccess]);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    // The button that submitted counts too (approve / decline), as it would in a plain HTML form.
    const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(data));
  };
  // The fields whose errors this render shows beside them, so FormStatus does not repeat one
  // (fieldError is called while the form renders, before FormStatus, its child, renders).
  const besideFields = new Set<string>();
  const fieldError = (name: string) => {
    besideFields.add(name);
    return state && !state.ok ? (state.fieldErrors?.[name] ?? null) : null;
  };
  return { state, pending, onSubmit, formRef, fieldError, besideFields };
}
