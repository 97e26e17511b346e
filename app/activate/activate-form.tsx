'use client';

import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import { Button } from '../_components/button';
import { TextField } from '../_components/field';
import { FormStatus } from '../_components/form-status';
import { activateAction } from './actions';

/** The activation form; what was typed stays when the server answers with an error. */
export function ActivateForm({ code }: { code: string }) {
  const t = useTranslations('activation');
  const router = useRouter();
  const [state, setState] = useState<ActionResult<{ mobile: string }> | null>(null);
  const [signInFailed, setSignInFailed] = useState(false);
  const [pending, start] = useTransition();
  const fieldError = (name: string) => (state && !state.ok ? (state.fieldErrors?.[name] ?? null) : null);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    start(async () => {
      const result = await activateAction(null, data);
      setState(result);
      if (!result.ok) return;
      const res = await signIn('credentials', {
        mobile: result.data.mobile,
        password: String(data.get('password') ?? ''),
        redirect: false,
      });
      if (res?.ok && !res.error) {
        router.replace('/account');
        router.refresh();
      } else {
        setSignInFailed(true);
      }
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-xl border border-stone-200 bg-white p-5">
      <TextField
        label={t('code')}
        name="code"
        defaultValue={code}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={40}
        hint={t('codeHint')}
        error={fieldError('code')}
        className="[&_input]:font-mono [&_input]:tracking-wider"
        required
      />
      <TextField
        label={t('name')}
        name="name"
        autoComplete="name"
        maxLength={40}
        hint={t('nameHint')}
        error={fieldError('name')}
        required
      />
      <TextField
        label={t('mobile')}
        name="mobile"
        inputMode="numeric"
        autoComplete="username"
        maxLength={11}
        error={fieldError('mobile')}
        required
      />
      <TextField
        label={t('password')}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={t('passwordHint')}
        error={fieldError('password')}
        required
      />
      <TextField
        label={t('confirm')}
        name="confirm"
        type="password"
        autoComplete="new-password"
        error={fieldError('confirm')}
        required
      />
      <div>
        <label className="flex items-start gap-3">
          <input type="checkbox" name="privacy" className="mt-1.5 size-5 shrink-0 accent-brand-700" />
          <span>
            {t('privacy')}（
            <a href="/privacy" target="_blank" rel="noopener" className="text-brand-700 underline">
              {t('privacyLink')}
            </a>
            ）
          </span>
        </label>
        {fieldError('privacy') && <p className="mt-1 text-brand-700 text-sm">{fieldError('privacy')}</p>}
      </div>
      <FormStatus state={state} />
      {signInFailed && (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">
          {t('signInFailed')}
        </p>
      )}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
