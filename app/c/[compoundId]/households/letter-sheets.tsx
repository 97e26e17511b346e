'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { byBuilding, pagesOf } from '@/lib/activation/letter';

export interface SheetLetter {
  building: string;
  units: string;
  maskedName: string;
  code: string;
  url: string;
  qr: { size: number; path: string };
}

/**
 * A4 sheets of activation letters, eight slips a sheet with dashed cut lines, each building starting on a new sheet.
 * Sized in millimetres for the page's 15 mm margins (app/globals.css @page): 180 × 267 mm of slips.
 */
export function LetterSheets({
  letters,
  compoundName,
  hotline,
  expiresAt,
}: {
  letters: readonly SheetLetter[];
  compoundName: string;
  hotline: string;
  expiresAt: number;
}) {
  const t = useTranslations('letters');
  const format = useFormatter();
  const until = format.dateTime(new Date(expiresAt), { dateStyle: 'long', timeZone: 'Asia/Shanghai' });
  return (
    <div className="space-y-6 print:space-y-0">
      {byBuilding(letters).map((group) =>
        pagesOf(group.letters).map((page, p) => (
          <section
            key={page[0]?.code ?? group.building}
            aria-label={t('sheet', { building: group.building, page: p + 1 })}
            className="overflow-x-auto print:overflow-visible"
          >
            <h3 className="no-print mb-2 font-semibold">{t('sheet', { building: group.building, page: p + 1 })}</h3>
            <div className="grid h-[267mm] w-[180mm] break-after-page grid-cols-2 grid-rows-4 bg-white text-black ring-1 ring-stone-300 print:ring-0">
              {page.map((l) => (
                <article
                  key={l.code}
                  aria-label={t('slip', { units: l.units })}
                  data-url={l.url}
                  className="flex gap-[3mm] overflow-hidden border border-stone-500 border-dashed p-[4mm] text-[8.5pt] leading-snug"
                >
                  <div className="flex min-w-0 flex-1 flex-col">
                    <p className="font-bold text-[10pt]">{t('heading')}</p>
                    <p className="mt-[1mm] font-semibold">{compoundName}</p>
                    <p className="font-semibold">{l.units}</p>
                    <p>{t('holder', { name: l.maskedName })}</p>
                    <p className="mt-[1.5mm] text-[7.5pt]">{t('codeLabel')}</p>
                    <p className="font-bold font-mono text-[13pt] tracking-wider" data-code>
                      {l.code}
                    </p>
                    <ol className="mt-[1mm] list-decimal pl-[4mm] text-[7.5pt]">
                      <li>{t('step1')}</li>
                      <li>{t('step2')}</li>
                      <li>{t('step3')}</li>
                    </ol>
                    <p className="mt-auto text-[7pt]">
                      {t('validUntil', { date: until })}
                      {hotline ? ` · ${t('hotline', { hotline })}` : ''}
                    </p>
                  </div>
                  <div className="flex w-[30mm] shrink-0 flex-col items-center">
                    <svg
                      viewBox={`0 0 ${l.qr.size} ${l.qr.size}`}
                      role="img"
                      aria-label={t('qr', { units: l.units })}
                      className="size-[30mm]"
                      shapeRendering="crispEdges"
                    >
                      <rect width={l.qr.size} height={l.qr.size} fill="#ffffff" />
                      <path stroke="#000000" d={l.qr.path} />
                    </svg>
                    <p className="mt-[1mm] break-all text-center text-[6pt]">{l.url.replace(/\?.*$/, '')}</p>
                  </div>
                </article>
              ))}
            </div>
          </section>
        )),
      )}
    </div>
  );
}
