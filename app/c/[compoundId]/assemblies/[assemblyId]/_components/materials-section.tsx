import type { AssemblyRow, assemblyFilesOf } from '@/db/assembly/read';
import { assemblyText, CARD } from './text';

/** What owners decide on, readable before they vote: the committee's text and the attached quotes, budgets, drafts and photos. */
export async function MaterialsSection({
  assembly,
  files,
}: {
  assembly: AssemblyRow;
  files: ReturnType<typeof assemblyFilesOf>;
}) {
  const { t } = await assemblyText();
  if (!assembly.materials && files.length === 0) return null;
  return (
    <section aria-labelledby="materials-h" className={`${CARD} space-y-3`}>
      <h2 id="materials-h" className="font-semibold text-xl">
        {t('materials')}
      </h2>
      {assembly.materials && <p className="whitespace-pre-wrap">{assembly.materials}</p>}
      {files.length > 0 && (
        <ul className="space-y-2">
          {files.map((f) => (
            <li key={f.id}>
              <a href={`/api/assembly-files/${f.id}`} className="text-brand-700 underline">
                {f.name}
              </a>
              <span className="ml-2 text-sm text-stone-600">
                {f.mime === 'application/pdf' ? 'PDF' : t('image')} · {t('kilobytes', { n: Math.ceil(f.bytes / 1024) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
