import type { ActionResult } from '@/lib/actions/result';

/**
 * The answer to a submitted form, announced to screen readers. A refusal already shown beside its
 * field (`besideFields`: the fields whose errors the form shows, from useActionForm) is not shown a
 * second time above the button; it is still announced.
 */
export function FormStatus({
  state,
  besideFields,
}: {
  state: ActionResult<unknown> | null;
  besideFields?: ReadonlySet<string>;
}) {
  if (!state) return null;
  if (state.ok) {
    return state.message ? (
      <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-emerald-900">
        ✓ {state.message}
      </p>
    ) : null;
  }
  const shownBeside = Object.entries(state.fieldErrors ?? {}).some(
    ([field, text]) => text === state.message && besideFields?.has(field),
  );
  return (
    <p role="alert" className={shownBeside ? 'sr-only' : 'rounded-md bg-brand-50 px-3 py-2 text-brand-800'}>
      {state.message}
    </p>
  );
}
