import type { ActionDetail, Translate } from '@/lib/actions/result';
import type { ImportError } from '@/lib/import/units-csv';

/** One bad row of an import, in the reader's language: "第 5 行：面积最多两位小数（87.355）". */
export function describeImportError(e: ImportError, t: Translate): ActionDetail {
  const values = {
    line: e.line,
    field: e.field ? t(`columns.${e.field}`) : '',
    value: e.value ?? '',
    columns: (e.columns ?? []).join(', '),
  };
  return { line: e.line, text: t('row', { line: e.line, reason: t(`errors.${e.code}`, values) }) };
}
