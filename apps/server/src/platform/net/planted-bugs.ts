/**
 * TEST-ONLY FAULT INJECTION for the SSRF guard (docs/RELIABILITY.md, R14). `ATRIUM_PLANTED_BUG` names
 * bugs to re-introduce on purpose (comma separated), so the net tests can prove they fail when the guard
 * is broken (apps/server/test/net/planted-bugs.test.ts). Never set it anywhere else: unset, every switch
 * is off and the guard is the real one.
 *
 * - `ssrf-embedded-ipv4-unchecked`: IPv6 addresses that embed an IPv4 address (mapped, NAT64, 6to4) are
 *   not classified by the embedded address;
 * - `ssrf-redirects-unchecked`: redirect targets are not re-checked against the address policy;
 * - `ssrf-second-dns-lookup`: the connection resolves the host name again instead of using the
 *   checked address (DNS rebinding).
 */
export const NET_PLANTED_BUGS = [
  'ssrf-embedded-ipv4-unchecked',
  'ssrf-redirects-unchecked',
  'ssrf-second-dns-lookup',
] as const;
export type NetPlantedBug = (typeof NET_PLANTED_BUGS)[number];

// Read once, at import: the switches cannot change while the process runs.
const planted: ReadonlySet<string> = new Set(
  (process.env.ATRIUM_PLANTED_BUG ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== ''),
);

/** True only when the test harness planted this bug for the whole process. */
export const netPlantedBug = (name: NetPlantedBug): boolean => planted.has(name);
