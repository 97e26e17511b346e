'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

/**
 * Reads the page's main text aloud with the browser's own speech synthesis (in Chinese, or English
 * when the page is in English), for residents who find reading on a phone hard. Shown only where
 * the browser can speak. `target` is the id of the element to read.
 */
export function ReadAloud({ target }: { target: string }) {
  const t = useTranslations('app');
  const [supported, setSupported] = useState(false);
  const [speaking, setSpeaking] = useState(false);
  useEffect(() => {
    setSupported('speechSynthesis' in window);
    return () => {
      if ('speechSynthesis' in window) window.speechSynthesis.cancel();
    };
  }, []);
  if (!supported) return null;
  const toggle = () => {
    const synth = window.speechSynthesis;
    if (speaking) {
      synth.cancel();
      setSpeaking(false);
      return;
    }
    // biome-ignore lint/performance/useDomNodeTextContent: read what is shown, with its line breaks, not hidden text
    const text = document.getElementById(target)?.innerText ?? '';
    const lang = document.documentElement.lang === 'en' ? 'en-GB' : 'zh-CN';
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = lang;
    utterance.rate = 0.9;
    const voice = synth.getVoices().find((v) => v.lang.replace('_', '-').startsWith(lang.slice(0, 2)));
    if (voice) utterance.voice = voice;
    utterance.onend = () => setSpeaking(false);
    utterance.onerror = () => setSpeaking(false);
    synth.cancel();
    synth.speak(utterance);
    setSpeaking(true);
  };
  return (
    <button
      type="button"
      onClick={toggle}
      aria-pressed={speaking}
      className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-stone-400 bg-white px-3 font-medium text-stone-900 hover:bg-stone-100"
    >
      <svg aria-hidden viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M11 5 6 9H2v6h4l5 4zM15.5 8.5a5 5 0 0 1 0 7M19 5a10 10 0 0 1 0 14" />
      </svg>
      {speaking ? t('stopReading') : t('readAloud')}
    </button>
  );
}
