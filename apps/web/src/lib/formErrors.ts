import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage, fieldPathOf, pathMatchesField, sentenceCase } from './api.ts';

/** The form's fields: the API name of each one and the label it has on screen. */
export type FieldLabels = Record<string, string>;

export interface FormErrors {
  /** The message to show next to the field, if the server blamed it. */
  field: (name: string) => string | undefined;
  /** Text for the banner: only what no field on the form took. */
  banner: string | null;
  /** What to announce when every problem sits next to its field (the banner stays hidden). */
  announcement: string | null;
}

const NONE: FormErrors = { field: () => undefined, banner: null, announcement: null };

/** Splits a failed request into per-field messages and whatever is left for the banner. */
export function formErrors(error: unknown, fields: FieldLabels): FormErrors {
  if (!error) return NONE;
  const names = Object.keys(fields);
  const list = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  const ownerOf = (path: string) => names.find((name) => pathMatchesField(path, name));
  const field = (name: string) => {
    const match = list.find((item) => pathMatchesField(item.path, name));
    return match ? sentenceCase(match.message) : undefined;
  };
  const unclaimed = list.filter((item) => ownerOf(item.path) === undefined);
  if (list.length === 0 || unclaimed.length === list.length) {
    return { field, banner: errorMessage(error), announcement: null };
  }
  if (unclaimed.length > 0) {
    const banner = unclaimed
      .map((item) => {
        const where = fieldPathOf(item.path);
        return where ? `${where}: ${item.message}` : sentenceCase(item.message);
      })
      .join('; ');
    return { field, banner, announcement: null };
  }
  const announcement = list
    .map((item) => {
      const name = ownerOf(item.path);
      return `${name ? fields[name] : fieldPathOf(item.path)}: ${item.message}`;
    })
    .join('. ');
  return { field, banner: null, announcement };
}

interface ResettableRequest {
  error: unknown;
  reset: () => void;
}

/**
 * Errors for one form, owned by that form: they clear as soon as another form on the page is
 * submitted, so a stale message never sits next to something the person did not just do.
 * Attach `formRef` to the <form>.
 */
export function useFormErrors(request: ResettableRequest, fields: FieldLabels) {
  const reset = useRef(request.reset);
  reset.current = request.reset;
  const [form, setForm] = useState<HTMLFormElement | null>(null);
  useEffect(() => {
    if (!form) return;
    const onSubmit = (event: Event) => {
      const target = event.target;
      if (target instanceof HTMLFormElement && target !== form) reset.current();
    };
    document.addEventListener('submit', onSubmit, true);
    return () => document.removeEventListener('submit', onSubmit, true);
  }, [form]);
  const formRef = useCallback((element: HTMLFormElement | null) => setForm(element), []);
  return { ...formErrors(request.error, fields), formRef };
}
