import { describe, expect, it } from 'vitest';
import { describeIssues } from '../../src/platform/http/validation-messages.ts';

describe('validation messages', () => {
  it('speaks plainly and keeps machine-readable paths', () => {
    expect(
      describeIssues('body', [{ instancePath: '/name', keyword: 'minLength', params: { limit: 1 } }]),
    ).toEqual({
      errors: [{ path: 'body/name', message: 'must not be empty' }],
      detail: 'name: must not be empty',
    });
    expect(
      describeIssues('body', [
        { instancePath: '', keyword: 'required', params: { missingProperty: 'email' } },
      ]).detail,
    ).toBe('email: is required');
    expect(
      describeIssues('body', [
        { instancePath: '/profile/bio', keyword: 'maxLength', params: { limit: 4000 } },
      ]).detail,
    ).toBe('profile.bio: must be at most 4000 characters');
    expect(
      describeIssues('query', [{ instancePath: '/limit', keyword: 'maximum', params: { limit: 100 } }])
        .errors,
    ).toEqual([{ path: 'query/limit', message: 'must be at most 100' }]);
  });
});
