import { LIMITS } from '@atrium/contracts';
import { badRequest } from '../../platform/http/errors.ts';
import type { CustomFieldRow } from './people.repository.ts';

/** The stored key of a skill: case- and compatibility-folded, so "TypeScript" and "typescript" are one. */
export const skillKeyOf = (label: string): string => label.normalize('NFKC').trim().toLowerCase();

/** Trimmed labels, de-duplicated by key (the first spelling wins), at most LIMITS.skillsPerPerson. */
export function normalizeSkills(labels: readonly string[]): Array<{ key: string; label: string }> {
  const byKey = new Map<string, string>();
  labels.forEach((raw, i) => {
    const label = raw.trim();
    const key = skillKeyOf(label);
    if (key === '')
      throw badRequest('A skill cannot be blank.', [{ path: `body/skills/${i}`, message: 'is blank' }]);
    if (!byKey.has(key)) byKey.set(key, label);
  });
  if (byKey.size > LIMITS.skillsPerPerson) {
    throw badRequest(`At most ${LIMITS.skillsPerPerson} skills.`);
  }
  return [...byKey].map(([key, label]) => ({ key, label }));
}

/** Optional text: trimmed, and blank means "clear". */
export const optionalText = (value: string | null): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const parseOptions = (options: string): string[] => {
  const parsed = JSON.parse(options) as unknown;
  return Array.isArray(parsed) ? parsed.filter((o): o is string => typeof o === 'string') : [];
};

function isHttpUrl(value: string): boolean {
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

/** Checks one value against its field's type; returns the value to store (null clears it). */
export function validateCustomValue(field: CustomFieldRow, raw: string | null): string | null {
  const value = optionalText(raw);
  if (value === null) return null;
  const fail = (message: string) =>
    badRequest(`${field.label}: ${message}.`, [{ path: `body/customFields/${field.key}`, message }]);
  switch (field.type) {
    case 'text':
      return value;
    case 'select': {
      if (!parseOptions(field.options).includes(value)) throw fail('must be one of its options');
      return value;
    }
    case 'url':
      if (!isHttpUrl(value)) throw fail('must be an http(s) URL');
      return value;
    case 'date':
      if (!isCalendarDate(value)) throw fail('must be a date as YYYY-MM-DD');
      return value;
    default:
      throw fail('has an unknown type');
  }
}
