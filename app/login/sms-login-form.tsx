'use client';

import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useEffect, useState, useTransition } from 'react';
import { Button } from '../_components/button';
import { TextField } from '../_components/field';
import { requestSmsCodeAction } from './actions';

const MOBILE = /^1[3-9]\d{9}$/;

/** Sign-in with a 6-digit code sent by SMS: ask for a code (again after 60 s), type it, in. */
export function SmsLoginForm() {
  const t = useTranslations('login');
  const router = useRouter();
  const [mobileInput, setMobileInput] = useState('');
  const [mobileError, setMobileError] = useState<string | null>(null);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [wait, setWait] = useState(0);
  const [sending, startSending] = useTransition();
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  const mobileValue = () => mobileInput.trim();

  const sendCode = () => {
    const mobile = mobileValue();
    setError(null);
    setNotice(null);
    if (!MOBILE.test(mobile)) {
      setMobileError(t('errors.mobile'));
      return;
    }
    setMobileError(null);
    const form = new FormData();
    form.set('mobile', mobile);
    startSending(async () => {
      const r = await requestSmsCodeAction(null, form);
      if (r.ok) {
        setNotice(r.message ?? null);
        setWait(r.data.resendAfterSeconds);
      } else {
        setError(r.message);
      }
    });
  };

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const mobile = mobileValue();
    const code = String(data.get('code') ?? '').trim();
    setError(null);
    setMobileError(MOBILE.test(mobile) ? null : t('errors.mobile'));
    setCodeError(/^\d{6}$/.test(code.replace(/\s/g, '')) ? null : t('sms.errors.malformed'));
    if (!MOBILE.test(mobile) || !/^\d{6}$/.test(code.replace(/\s/g, ''))) return;
    setPending(true);
    const res = await signIn('sms', { mobile, code, redirect: false });
    setPending(false);
    if (res?.ok && !res.error) {
      router.replace('/');
      router.refresh();
      return;
    }
    const [, reason = 'no-code', left] = (res?.error ?? 'sms:no-code').split(':');
    if (reason === 'wrong') setCodeError(t('sms.errors.wrong', { left: Number(left ?? 0) }));
    else if (['expired', 'used', 'too-many-tries', 'malformed', 'no-code'].includes(reason)) {
      setError(t(`sms.errors.${reason}` as 'sms.errors.expired'));
    } else setMobileError(t('errors.mobile'));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-xl border border-stone-200 bg-white p-5">
      <TextField
        value={mobileInput}
        onChange={(e) => setMobileInput(e.target.value)}
        label={t('mobile')}
        name="mobile"
        inputMode="numeric"
        autoComplete="username"
        maxLength={11}
        error={mobileError}
        required
      />
      <div className="flex items-end gap-2">
        <TextField
          label={t('sms.code')}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          error={codeError}
          className="flex-1"
          required
        />
        <Button variant="secondary" onClick={sendCode} disabled={sending || wait > 0} className="mb-0 shrink-0">
          {wait > 0 ? t('sms.resendIn', { seconds: wait }) : sending ? t('sms.sending') : t('sms.send')}
        </Button>
      </div>
      {notice && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-emerald-900">
          {notice}
        </p>
      )}
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
