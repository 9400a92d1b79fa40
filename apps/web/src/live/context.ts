import { createContext, useContext } from 'react';
import type { LiveClient } from './LiveClient.ts';

export const LiveContext = createContext<LiveClient | null>(null);

/** The tab's live connection; null outside the signed-in area. */
export function useLiveClient(): LiveClient | null {
  return useContext(LiveContext);
}
