'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { LoginForm } from './login-form';
import { SmsLoginForm } from './sms-login-form';

/** Password or SMS code: two ways in, the SMS one only when a sender is configured. */
export function LoginTabs({ sms }: { sms: boolean }) {
  const t = useTranslations('login');
  const [mode, setMode] = useState<'password' | 'sms'>('password');
  if (!sms) return <LoginForm />;
  const tab = (m: 'password' | 'sms') =>
    `min-h-11 flex-1 rounded-md px-3 font-medium ${mode === m ? 'bg-white text-brand-800 shadow-sm ring-1 ring-stone-200' : 'text-stone-700'}`;
  return (
    <div className="space-y-3">
      <fieldset className="flex gap-1 rounded-lg bg-stone-100 p-1">
        <legend className="sr-only">{t('ways')}</legend>
        <button
          type="button"
          aria-pressed={mode === 'password'}
          className={tab('password')}
          onClick={() => setMode('password')}
        >
          {t('byPassword')}
        </button>
        <button type="button" aria-pressed={mode === 'sms'} className={tab('sms')} onClick={() => setMode('sms')}>
          {t('bySms')}
        </button>
      </fieldset>
      {mode === 'password' ? <LoginForm /> : <SmsLoginForm />}
    </div>
  );
}
