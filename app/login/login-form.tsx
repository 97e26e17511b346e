'use client';

import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '../_components/button';
import { TextField } from '../_components/field';

const MOBILE = /^1[3-9]\d{9}$/;

export function LoginForm() {
  const t = useTranslations('login');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [mobileError, setMobileError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const mobile = String(form.get('mobile') ?? '').trim();
    const password = String(form.get('password') ?? '');
    setError(null);
    setMobileError(MOBILE.test(mobile) ? null : t('errors.mobile'));
    if (!MOBILE.test(mobile)) return;
    setPending(true);
    const res = await signIn('credentials', { mobile, password, redirect: false });
    setPending(false);
    if (res?.ok && !res.error) {
      router.replace('/');
      router.refresh();
      return;
    }
    const code = res?.error ?? 'invalid';
    if (code.startsWith('locked:')) {
      setError(t('errors.locked', { seconds: Number(code.slice(7)) || 60 }));
    } else if (code === 'mobile') {
      setMobileError(t('errors.mobile'));
    } else {
      setError(t('errors.invalid'));
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-xl border border-stone-200 bg-white p-5">
      <TextField
        label={t('mobile')}
        name="mobile"
        inputMode="numeric"
        autoComplete="username"
        maxLength={11}
        error={mobileError}
        required
      />
      <TextField label={t('password')} name="password" type="password" autoComplete="current-password" required />
      {error && (
        <p role="alert" className="rounded-md bg-brand-50 px-3 py-2 text-brand-800">
          {error}
        </p>
      )}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
