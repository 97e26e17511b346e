import type { ActionResult } from '@/lib/actions/result';

/** The answer to a submitted form, announced to screen readers. */
export function FormStatus({ state }: { state: ActionResult<unknown> | null }) {
  if (!state) return null;
  if (state.ok) {
    return state.message ? (
      <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-emerald-900">
        ✓ {state.message}
      </p>
    ) : null;
  }
  return (
    <p role="alert" className="rounded-md bg-brand-50 px-3 py-2 text-brand-800">
      {state.message}
    </p>
  );
}
