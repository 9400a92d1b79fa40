import { CUSTOM_FIELD_TYPES, type CustomFieldType, type FieldVisibility } from '@atrium/contracts';

export const TYPE_LABELS: Record<CustomFieldType, string> = {
  text: 'Text',
  select: 'Choice list',
  url: 'Link (URL)',
  date: 'Date',
};
export const TYPE_OPTIONS = CUSTOM_FIELD_TYPES.map((type) => ({ value: type, label: TYPE_LABELS[type] }));

export const VISIBILITY_LABELS: Record<FieldVisibility, string> = {
  everyone: 'Everyone (members and externals)',
  members: 'Members only',
};
export const VISIBILITY_OPTIONS = (Object.keys(VISIBILITY_LABELS) as FieldVisibility[]).map((value) => ({
  value,
  label: VISIBILITY_LABELS[value],
}));

/** One option per line; blank lines and duplicates dropped. */
export function parseOptions(text: string): string[] {
  return [
    ...new Set(
      text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  ];
}

/** A key derived from a label: "Cost center" → "cost_center". */
export function keyFromLabel(label: string): string {
  return label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
}
