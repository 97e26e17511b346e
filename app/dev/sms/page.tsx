import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { recentLogCodes } from '@/server/sms/sender';
import { smsSender } from '@/server/sms/instance';

export const metadata: Metadata = { title: 'SMS (log driver)', robots: { index: false } };

/**
 * Development and the demo only: the codes the log driver "sent" in this server process (server/sms/log-driver.ts).
 * Exists only while SMS_DRIVER=log — a driver never to be used for real residents, since anyone who can read this
 * page or the server log can sign in as them.
 */
export default async function DevSmsPage() {
  if (smsSender()?.driver !== 'log') notFound();
  const [t, format] = await Promise.all([getTranslations('devSms'), getFormatter()]);
  const codes = recentLogCodes();
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="font-bold text-2xl">{t('title')}</h1>
      <p className="rounded-lg bg-amber-50 p-3 text-amber-950 ring-1 ring-amber-200">{t('warning')}</p>
      {codes.length === 0 ? (
        <p className="text-stone-600">{t('none')}</p>
      ) : (
        <table className="w-full rounded-xl bg-white text-left ring-1 ring-stone-200">
          <thead>
            <tr className="border-stone-200 border-b">
              <th className="p-3">{t('mobile')}</th>
              <th className="p-3">{t('code')}</th>
              <th className="p-3">{t('sent')}</th>
            </tr>
          </thead>
          <tbody>
            {codes.map((c) => (
              <tr key={`${c.mobile}-${c.sentAt}`} className="border-stone-100 border-b">
                <td className="p-3 tabular-nums">{c.mobile}</td>
                <td className="p-3 font-bold font-mono text-lg tracking-widest" data-sms-code>
                  {c.code}
                </td>
                <td className="p-3 text-stone-600">{format.relativeTime(c.sentAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
