import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDebouncedValue } from './hooks.ts';

/**
 * A list's search text and filters kept in the URL (?q=&…): reload, back/forward and shared links
 * all show the same list. `query` is what is in the search box; it settles into `q` after a pause.
 */
export function useUrlFilters<Name extends string>() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [query, setQuery] = useState(q);
  const typed = useDebouncedValue(query.trim(), 300);

  const update = useCallback(
    (changes: Partial<Record<Name | 'q', string>>, replace = false) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [name, value] of Object.entries<string | undefined>(changes)) {
            if (value) next.set(name, value);
            else next.delete(name);
          }
          return next;
        },
        { replace },
      ),
    [setParams],
  );

  // Typing settles into the URL without adding a history entry per keystroke.
  const typedRef = useRef(typed);
  const updateRef = useRef(update);
  updateRef.current = update;
  useEffect(() => {
    if (typedRef.current === typed) return;
    typedRef.current = typed;
    updateRef.current({ q: typed } as Partial<Record<Name | 'q', string>>, true);
  }, [typed]);

  // Back/forward (or a link) changed the URL: show its search text in the box.
  useEffect(() => {
    setQuery((current) => (current.trim() === q ? current : q));
    typedRef.current = q;
  }, [q]);

  /** Empties the search box and the named filters. */
  const clear = (names: Name[]) => {
    setQuery('');
    typedRef.current = '';
    update({ q: '', ...Object.fromEntries(names.map((name) => [name, ''])) } as Partial<
      Record<Name | 'q', string>
    >);
  };

  return { params, get: (name: Name) => params.get(name) ?? '', q, query, setQuery, update, clear };
}
