/**
 * TEST-ONLY FAULT INJECTION. `ATRIUM_PLANTED_BUG` names access bugs to re-introduce on purpose (comma
 * separated), so the access-model property tests can prove they fail when the rules are broken
 * (docs/RELIABILITY.md, R1; apps/server/test/access/planted-bugs.test.ts). Never set it anywhere else:
 * unset, every switch is off and the access rules are the real ones.
 *
 * - `external-sees-internal-spaces`: external people see open internal spaces (directory and detail);
 * - `secret-spaces-listed`: employees see secret spaces they do not belong to in the directory;
 * - `external-reads-company-posts`: external people read company-feed, profile and record posts;
 * - `feeds-skip-row-access`: feeds read author, topic, record and profile sources without the per-post rule;
 * - `live-skips-access`: live deliveries go to every subscribed socket without the send-time access filter;
 * - `notifications-skip-access`: the notification center, its counts, live pushes and emails show
 *   notifications without re-checking the post or space they are about.
 */
export const PLANTED_BUGS = [
  'external-sees-internal-spaces',
  'secret-spaces-listed',
  'external-reads-company-posts',
  'feeds-skip-row-access',
  'live-skips-access',
  'notifications-skip-access',
] as const;
export type PlantedBug = (typeof PLANTED_BUGS)[number];

// Read once, at import: the switches cannot change while the process runs.
const planted: ReadonlySet<string> = new Set(
  (process.env.ATRIUM_PLANTED_BUG ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== ''),
);

/** True only when the test harness planted this bug for the whole process. */
export const plantedBug = (name: PlantedBug): boolean => planted.has(name);
