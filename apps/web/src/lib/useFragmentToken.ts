import { useLocation } from 'react-router';
import { fragmentParam } from './format.ts';

/** A token from the link's fragment (#token=…): fragments never reach server logs or Referer headers. */
export function useFragmentToken(name = 'token'): string | null {
  const location = useLocation();
  return fragmentParam(location.hash, name);
}
