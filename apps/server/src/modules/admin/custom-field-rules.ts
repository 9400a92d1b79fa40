import type { CustomFieldType } from '@atrium/contracts';
import { LIMITS } from '@atrium/contracts';
import { badRequest } from '../../platform/http/errors.ts';

/**
 * The options a field of this type stores: a select needs 1..LIMITS.customFieldOptions distinct non-blank
 * options; other types take none.
 */
export function checkedOptions(type: CustomFieldType, options: string[] | undefined): string[] {
  const list = (options ?? []).map((option) => option.trim());
  if (type !== 'select') {
    if (list.length > 0) throw invalid('Only select fields have options.');
    return [];
  }
  if (list.length === 0 || list.length > LIMITS.customFieldOptions) {
    throw invalid(`A select field needs 1 to ${LIMITS.customFieldOptions} options.`);
  }
  if (list.some((option) => option === '')) throw invalid('Options cannot be blank.');
  if (new Set(list).size !== list.length) throw invalid('Options must be distinct.');
  return list;
}

const invalid = (detail: string) => badRequest(detail, [{ path: 'body/options', message: detail }]);

export function checkedLabel(label: string): string {
  const trimmed = label.trim();
  if (trimmed === '')
    throw badRequest('The label cannot be blank.', [{ path: 'body/label', message: 'is blank' }]);
  return trimmed;
}
