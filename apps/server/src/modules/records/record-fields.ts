import type { Problem } from '@atrium/contracts';
import { LIMITS, RECORD_FIELD_TYPES, type RecordFieldType } from '@atrium/contracts';
import { badRequest } from '../../platform/http/errors.ts';

/**
 * Record field definitions (set by site admins on a record type) and the values records store for them.
 * Pure: no I/O. Definitions are stored as a JSON array on the type, values as a JSON object on the record.
 */
export interface RecordFieldDefinition {
  key: string;
  label: string;
  type: RecordFieldType;
  /** The choices of a select field; empty for other types. */
  options: string[];
  required: boolean;
}

export type FieldValue = string | number;
export type StoredValues = Record<string, FieldValue>;

export interface FieldDefinitionInput {
  key: string;
  label: string;
  type: RecordFieldType;
  options?: string[] | undefined;
  required?: boolean | undefined;
}

type Errors = NonNullable<Problem['errors']>;

function fail(errors: Errors, summary: string): never {
  const first = errors[0];
  const detail =
    errors.length === 1 && first
      ? `${summary}: ${first.path} ${first.message}.`
      : `${summary} (${errors.length}).`;
  throw badRequest(detail, errors);
}

/**
 * Checks an admin's list of field definitions: distinct keys, non-blank labels, options for select
 * fields only (1..LIMITS.customFieldOptions distinct, non-blank). `previous` are the type's current
 * fields: a kept key keeps its type, so values already stored keep their meaning.
 */
export function checkedDefinitions(
  inputs: readonly FieldDefinitionInput[],
  previous: readonly RecordFieldDefinition[] = [],
): RecordFieldDefinition[] {
  const errors: Errors = [];
  const at = (i: number, part: string) => `body/fields/${i}/${part}`;
  if (inputs.length > LIMITS.recordTypeFields) {
    fail(
      [{ path: 'body/fields', message: `has more than ${LIMITS.recordTypeFields} fields` }],
      'Too many fields',
    );
  }
  const seen = new Set<string>();
  const before = new Map(previous.map((field) => [field.key, field]));
  const result = inputs.map((input, i): RecordFieldDefinition => {
    if (seen.has(input.key)) errors.push({ path: at(i, 'key'), message: `repeats the key "${input.key}"` });
    seen.add(input.key);
    const label = input.label.trim();
    if (label === '') errors.push({ path: at(i, 'label'), message: 'is blank' });
    const kept = before.get(input.key);
    if (kept && kept.type !== input.type) {
      errors.push({
        path: at(i, 'type'),
        message: `cannot change from ${kept.type} to ${input.type}; remove the field and add one with a new key`,
      });
    }
    const options = (input.options ?? []).map((option) => option.trim());
    if (input.type !== 'select') {
      if (options.length > 0) errors.push({ path: at(i, 'options'), message: 'are only for select fields' });
    } else if (options.length === 0 || options.length > LIMITS.customFieldOptions) {
      errors.push({ path: at(i, 'options'), message: `needs 1 to ${LIMITS.customFieldOptions} options` });
    } else if (options.some((option) => option === '')) {
      errors.push({ path: at(i, 'options'), message: 'cannot be blank' });
    } else if (new Set(options).size !== options.length) {
      errors.push({ path: at(i, 'options'), message: 'must be distinct' });
    }
    return { key: input.key, label, type: input.type, options, required: input.required === true };
  });
  if (errors.length > 0) fail(errors, 'The field definitions are invalid');
  return result;
}

/** Reads stored definitions, skipping anything malformed rather than failing a page. */
export function parseDefinitions(json: string): RecordFieldDefinition[] {
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((item: unknown) => {
    const field = item as Partial<RecordFieldDefinition> | null;
    if (
      !field ||
      typeof field.key !== 'string' ||
      typeof field.label !== 'string' ||
      !RECORD_FIELD_TYPES.includes(field.type as RecordFieldType)
    ) {
      return [];
    }
    const options = Array.isArray(field.options)
      ? field.options.filter((o): o is string => typeof o === 'string')
      : [];
    return [{ ...field, options, required: field.required === true } as RecordFieldDefinition];
  });
}

export function parseValues(json: string): StoredValues {
  const parsed: unknown = JSON.parse(json);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  const values: StoredValues = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value === 'string' || typeof value === 'number') values[key] = value;
  }
  return values;
}

const NUMERIC_TEXT = /^-?\d{1,15}(\.\d{1,6})?$/;
/** Beyond this a double no longer holds every integer: an amount would silently change. */
const MAX_MAGNITUDE = 1e15;

export function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  // Date rolls 2025-02-30 over to March: a real date prints back as itself.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * One value for one field: the value to store, `null` to clear it, or a message saying what is wrong.
 * Blank text clears. Numbers and amounts accept a JSON number or a decimal string ("1250.50").
 */
export function normalizeValue(
  field: RecordFieldDefinition,
  raw: unknown,
): { value: FieldValue | null } | { error: string } {
  if (raw === null) return { value: null };
  if (field.type === 'number' || field.type === 'money') {
    if (typeof raw === 'string' && raw.trim() === '') return { value: null };
    const text = typeof raw === 'string' ? raw.trim() : '';
    const number = typeof raw === 'number' ? raw : NUMERIC_TEXT.test(text) ? Number(text) : Number.NaN;
    if (!Number.isFinite(number) || Math.abs(number) >= MAX_MAGNITUDE) {
      return { error: `must be a number${field.type === 'money' ? ' (an amount)' : ''}` };
    }
    return { value: number };
  }
  if (typeof raw !== 'string') return { error: 'must be text' };
  const text = raw.trim();
  if (text === '') return { value: null };
  if ([...text].length > LIMITS.recordFieldValue) {
    return { error: `is longer than ${LIMITS.recordFieldValue} characters` };
  }
  switch (field.type) {
    case 'text':
      return { value: text };
    case 'date':
      return isCalendarDate(text) ? { value: text } : { error: 'must be a date as YYYY-MM-DD' };
    case 'url':
      return isHttpUrl(text) && text.length <= LIMITS.url
        ? { value: text }
        : { error: 'must be an http(s) URL' };
    case 'select':
      return field.options.includes(text)
        ? { value: text }
        : { error: `must be one of: ${field.options.join(', ')}` };
  }
}

/**
 * Applies submitted values to a record's stored ones (`current`, empty for a new record) and returns the
 * values to store. Unknown keys, invalid values and missing required fields are all reported at once.
 * A new record needs every required field; an existing one only may not clear one (a field made required
 * after the record was written does not block other edits).
 */
export function applyValues(
  fields: readonly RecordFieldDefinition[],
  submitted: Record<string, unknown>,
  current: StoredValues | undefined,
  pathPrefix = 'body/fields',
): StoredValues {
  const byKey = new Map(fields.map((field) => [field.key, field]));
  const errors: Errors = [];
  const next: StoredValues = {};
  // Values of fields the type no longer has stay stored (out of every view) until the record is rewritten.
  for (const [key, value] of Object.entries(current ?? {})) next[key] = value;
  for (const [key, raw] of Object.entries(submitted)) {
    const field = byKey.get(key);
    const path = `${pathPrefix}/${key}`;
    if (!field) {
      errors.push({ path, message: 'is not a field of this record type' });
      continue;
    }
    const result = normalizeValue(field, raw);
    if ('error' in result) {
      errors.push({ path, message: result.error });
    } else if (result.value === null) {
      if (field.required) errors.push({ path, message: 'is required' });
      delete next[key];
    } else {
      next[key] = result.value;
    }
  }
  if (current === undefined) {
    for (const field of fields) {
      if (field.required && next[field.key] === undefined && !(field.key in submitted)) {
        errors.push({ path: `${pathPrefix}/${field.key}`, message: 'is required' });
      }
    }
  }
  if (errors.length > 0) fail(errors, 'Some field values are invalid');
  return next;
}

/**
 * The fields as a record page shows them: every field of the type, in the type's order, with its label.
 * A stored value that no longer fits its field (an option removed since) shows as empty.
 */
export function presentedFields(fields: readonly RecordFieldDefinition[], values: StoredValues) {
  return fields.map((field) => {
    const stored = values[field.key];
    const checked = stored === undefined ? undefined : normalizeValue(field, stored);
    const value = checked && 'value' in checked ? checked.value : null;
    return { key: field.key, label: field.label, type: field.type, value };
  });
}

/** Words the record list search matches: the name, the external id and the text of its values. */
export function searchableParts(name: string, externalId: string | null, values: StoredValues): string[] {
  return [name, externalId ?? '', ...Object.values(values).filter((v): v is string => typeof v === 'string')];
}
