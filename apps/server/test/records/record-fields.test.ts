import { describe, expect, it } from 'vitest';
import {
  applyValues,
  normalizeValue,
  presentedFields,
  type RecordFieldDefinition,
} from '../../src/modules/records/record-fields.ts';

const field = (type: RecordFieldDefinition['type'], extra: Partial<RecordFieldDefinition> = {}) => ({
  key: 'f',
  label: 'F',
  type,
  options: [],
  required: false,
  ...extra,
});

describe('record field values', () => {
  it('accepts numbers and decimal text for number and money, nothing else', () => {
    expect(normalizeValue(field('money'), '1250.50')).toEqual({ value: 1250.5 });
    expect(normalizeValue(field('number'), -3)).toEqual({ value: -3 });
    expect(normalizeValue(field('number'), ' ')).toEqual({ value: null });
    for (const bad of ['1e3', '12,5', 'NaN', 'Infinity', '0x10', true, 1e16, '1234567890123456']) {
      expect(normalizeValue(field('money'), bad), String(bad)).toHaveProperty('error');
    }
  });

  it('checks dates, links and options', () => {
    expect(normalizeValue(field('date'), '2028-02-29')).toEqual({ value: '2028-02-29' });
    expect(normalizeValue(field('date'), '2027-02-29')).toHaveProperty('error');
    expect(normalizeValue(field('date'), '2027-02-01T00:00:00Z')).toHaveProperty('error');
    expect(normalizeValue(field('url'), 'https://example.com/a')).toEqual({ value: 'https://example.com/a' });
    for (const bad of ['javascript:alert(1)', 'mailto:a@b.c', 'http://', '//example.com', 'example.com']) {
      expect(normalizeValue(field('url'), bad), bad).toHaveProperty('error');
    }
    const select = field('select', { options: ['a', 'b'] });
    expect(normalizeValue(select, 'b')).toEqual({ value: 'b' });
    expect(normalizeValue(select, 'A')).toHaveProperty('error');
    expect(normalizeValue(field('text'), 5)).toHaveProperty('error');
    expect(normalizeValue(field('text'), '  hi  ')).toEqual({ value: 'hi' });
  });

  it('merges into stored values, keeps values of removed fields stored but out of the view', () => {
    const fields = [field('text', { key: 'a' }), field('select', { key: 'b', options: ['x'] })];
    const merged = applyValues(fields, { a: 'new', b: null }, { a: 'old', b: 'x', gone: 'kept' });
    expect(merged).toEqual({ a: 'new', gone: 'kept' });
    expect(presentedFields(fields, { ...merged, b: 'no-longer-an-option' })).toEqual([
      { key: 'a', label: 'F', type: 'text', value: 'new' },
      { key: 'b', label: 'F', type: 'select', value: null },
    ]);
  });
});
