'use client';

import { useAppText } from './_components/app-text';
import { Button } from './_components/button';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useAppText();
  return (
    <div role="alert" className="mx-auto max-w-md py-12 text-center">
      <h1 className="font-bold text-2xl">{t.error}</h1>
      <p className="mt-2 text-stone-600">{t.errorHint}</p>
      <Button onClick={reset} className="mt-6">
        {t.retry}
      </Button>
    </div>
  );
}
