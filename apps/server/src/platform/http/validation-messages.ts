/** Turns ajv's validation issues into short, human messages with stable paths (`body/name`). */
export interface ValidationIssue {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function messageOf(issue: ValidationIssue): string {
  const p = issue.params ?? {};
  const limit = Number(p.limit);
  switch (issue.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not an accepted field';
    case 'minLength':
      return limit <= 1 ? 'must not be empty' : `must be at least ${plural(limit, 'character')}`;
    case 'maxLength':
      return `must be at most ${plural(limit, 'character')}`;
    case 'minItems':
      return `must have at least ${plural(limit, 'item')}`;
    case 'maxItems':
      return `must have at most ${plural(limit, 'item')}`;
    case 'uniqueItems':
      return 'must not repeat items';
    case 'minimum':
      return `must be at least ${p.limit}`;
    case 'maximum':
      return `must be at most ${p.limit}`;
    case 'pattern':
      return 'has an invalid format';
    case 'format':
      return `must be a valid ${String(p.format)}`;
    case 'enum':
      return `must be one of: ${(p.allowedValues as unknown[] | undefined)?.join(', ') ?? 'the allowed values'}`;
    case 'type':
      return `must be ${/^[aeiou]/.test(String(p.type)) ? 'an' : 'a'} ${String(p.type)}`;
    case 'anyOf':
      return 'is not an accepted value';
    default:
      return issue.message ?? 'is invalid';
  }
}

export function describeIssues(part: string, issues: ValidationIssue[]) {
  const errors = issues.map((issue) => {
    const extra = issue.params?.missingProperty ?? issue.params?.additionalProperty;
    const path = `${part}${issue.instancePath ?? ''}${typeof extra === 'string' ? `/${extra}` : ''}`;
    return { path, message: messageOf(issue) };
  });
  const first = errors[0];
  const field = first?.path.split('/').slice(1).join('.') || part;
  const detail = first ? `${field}: ${first.message}` : 'The request is invalid.';
  return { errors, detail };
}
