'use client';

import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { parseWaitCode, type WaitReason } from '@/lib/auth/login-limit';
import { Button } from '../_components/button';
import { TextField } from '../_components/field';

const MOBILE = /^1[3-9]\d{9}$/;

const WAIT_MESSAGES = {
  pair: 'errors.waitPair',
  address: 'errors.waitAddress',
  account: 'errors.waitAccount',
} as const satisfies Record<WaitReason, string>;

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
    const wait = parseWaitCode(code);
    if (wait) {
      // Long waits (the account-wide slow-down reaches 15 minutes) read better in minutes.
      const howLong =
        wait.seconds < 120
          ? t('errors.seconds', { seconds: wait.seconds })
          : t('errors.minutes', { minutes: Math.ceil(wait.seconds / 60) });
      setError(t(WAIT_MESSAGES[wait.reason], { wait: howLong }));
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
