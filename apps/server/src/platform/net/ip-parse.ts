import { isIPv6 } from 'node:net';

/**
 * Strict parsers for canonical textual addresses (what URL parsing and DNS produce). Anything else
 * (short, octal, hex or decimal IPv4 forms, zone ids) is not an address here: callers fail closed.
 */

const IPV4_PART = /^(0|[1-9][0-9]{0,2})$/;
const IPV6_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** Dotted-quad IPv4 (no leading zeros) to an unsigned 32-bit number, or null. */
export function parseIPv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!IPV4_PART.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return value >>> 0;
}

export function formatIPv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff].join('.');
}

/** IPv6 text (optionally with a trailing dotted quad) to eight 16-bit groups, or null. */
export function parseIPv6(text: string): number[] | null {
  if (text.includes('%') || !isIPv6(text)) return null;
  let head = text;
  const embedded: number[] = [];
  if (head.includes('.')) {
    const lastColon = head.lastIndexOf(':');
    const v4 = parseIPv4(head.slice(lastColon + 1));
    if (v4 === null) return null;
    embedded.push(v4 >>> 16, v4 & 0xffff);
    head = head.slice(0, lastColon + 1);
    if (!head.endsWith('::')) head = head.slice(0, -1);
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const toGroups = (part: string | undefined): string[] => (part ? part.split(':') : []);
  const left = toGroups(halves[0]);
  const right = toGroups(halves[1]);
  for (const group of [...left, ...right]) if (!IPV6_GROUP.test(group)) return null;
  const explicit = left.length + right.length + embedded.length;
  if (halves.length === 1 ? explicit !== 8 : explicit > 7) return null;
  const zeros = new Array<number>(8 - explicit).fill(0);
  const groups = [
    ...left.map((g) => Number.parseInt(g, 16)),
    ...(halves.length === 2 ? zeros : []),
    ...right.map((g) => Number.parseInt(g, 16)),
    ...embedded,
  ];
  return groups.length === 8 ? groups : null;
}

/** Fully expanded lower-case form, e.g. `0:0:0:0:0:ffff:7f00:1`. */
export function formatIPv6(groups: readonly number[]): string {
  return groups.map((g) => g.toString(16)).join(':');
}
