'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { Button } from '../../_components/button';
import { removePushSubscriptionAction, savePushSubscriptionAction } from './actions';

type DeviceState = 'checking' | 'unsupported' | 'denied' | 'off' | 'on' | 'busy';

/** The worker that shows pushes (app/sw.ts, served by app/serwist/[path]/route.ts). */
const WORKER = '/serwist/sw.js';

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const raw = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

async function registration(): Promise<ServiceWorkerRegistration> {
  const existing = await navigator.serviceWorker.getRegistration('/');
  if (!existing) await navigator.serviceWorker.register(WORKER, { scope: '/' });
  return navigator.serviceWorker.ready;
}

/**
 * Push to this device: opt-in, one device at a time. The browser asks the person for permission;
 * the subscription goes to the server, which then pushes what waits for them (outside quiet hours).
 */
export function PushDevice({ publicKey }: { publicKey: string }) {
  const t = useTranslations('push');
  const [state, setState] = useState<DeviceState>('checking');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
      setState('unsupported');
      return;
    }
    if (Notification.permission === 'denied') {
      setState('denied');
      return;
    }
    registration()
      .then((reg) => reg.pushManager.getSubscription())
      .then((sub) => setState(sub ? 'on' : 'off'))
      .catch(() => setState('unsupported'));
  }, []);

  const turnOn = async () => {
    setState('busy');
    setMessage(null);
    try {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') {
        setState(permission === 'denied' ? 'denied' : 'off');
        return;
      }
      const reg = await registration();
      const sub = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
      const json = sub.toJSON();
      const form = new FormData();
      form.set('endpoint', sub.endpoint);
      form.set('p256dh', json.keys?.p256dh ?? '');
      form.set('auth', json.keys?.auth ?? '');
      form.set('locale', document.documentElement.lang);
      const result = await savePushSubscriptionAction(null, form);
      if (!result.ok) await sub.unsubscribe();
      setState(result.ok ? 'on' : 'off');
      setMessage({ ok: result.ok, text: result.ok ? (result.message ?? '') : result.message });
    } catch {
      setState('off');
      setMessage({ ok: false, text: t('failed') });
    }
  };

  const turnOff = async () => {
    setState('busy');
    setMessage(null);
    const sub = await (await registration()).pushManager.getSubscription();
    if (sub) {
      const form = new FormData();
      form.set('endpoint', sub.endpoint);
      await removePushSubscriptionAction(null, form);
      await sub.unsubscribe();
    }
    setState('off');
    setMessage({ ok: true, text: t('unsubscribed') });
  };

  return (
    <div className="space-y-3">
      <p aria-live="polite" className="font-medium">
        {state === 'on' && <span>✓ {t('stateOn')}</span>}
        {state === 'off' && t('stateOff')}
        {state === 'unsupported' && t('unsupported')}
        {state === 'denied' && t('denied')}
        {(state === 'checking' || state === 'busy') && t('checking')}
      </p>
      {(state === 'off' || (state === 'busy' && !message)) && (
        <Button onClick={turnOn} disabled={state === 'busy'}>
          {t('turnOn')}
        </Button>
      )}
      {state === 'on' && (
        <Button variant="secondary" onClick={turnOff}>
          {t('turnOff')}
        </Button>
      )}
      {message && (
        <p
          role={message.ok ? 'status' : 'alert'}
          className={`rounded-md px-3 py-2 ${message.ok ? 'bg-emerald-50 text-emerald-900' : 'bg-brand-50 text-brand-800'}`}
        >
          {message.ok ? `✓ ${message.text}` : message.text}
        </p>
      )}
    </div>
  );
}
