import { REACTION_KINDS, type ReactionKind } from '@atrium/contracts';
import type { ReactionSummary } from '../types.ts';

/** The summary after the viewer adds or removes one reaction (shown at once, then confirmed by the server). */
export function toggledSummary(summary: ReactionSummary, kind: ReactionKind, on: boolean): ReactionSummary {
  const had = summary.mine.includes(kind);
  if (had === on) return summary;
  const delta = on ? 1 : -1;
  const existing = summary.counts.find((entry) => entry.kind === kind);
  const counts = existing
    ? summary.counts.map((entry) => (entry.kind === kind ? { kind, count: entry.count + delta } : entry))
    : [...summary.counts, { kind, count: 1 }];
  const order = (k: ReactionKind) => REACTION_KINDS.indexOf(k);
  return {
    counts: counts.filter((entry) => entry.count > 0).sort((a, b) => order(a.kind) - order(b.kind)),
    mine: on
      ? [...summary.mine, kind].sort((a, b) => order(a) - order(b))
      : summary.mine.filter((k) => k !== kind),
  };
}

export function totalReactions(summary: ReactionSummary): number {
  return summary.counts.reduce((sum, entry) => sum + entry.count, 0);
}
