import { BlockList } from 'node:net';
import { formatIPv4, formatIPv6, parseIPv4, parseIPv6 } from './ip-parse.ts';
import { netPlantedBug } from './planted-bugs.ts';

/**
 * Which addresses a server-side fetch may connect to. IPv4: everything except the special-purpose
 * ranges below. IPv6: only global unicast (2000::/3) minus its special ranges; an IPv6 address that
 * embeds an IPv4 one (IPv4-mapped, NAT64 64:ff9b::/96, 6to4 2002::/16) is judged by the embedded
 * address; IPv4-compatible (::/96) and Teredo (2001::/32) are refused outright.
 */

type Range = readonly [network: string, prefix: number, reason: string];

const IPV4_FORBIDDEN: readonly Range[] = [
  ['0.0.0.0', 8, 'this network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local (cloud metadata)'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay anycast'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved and broadcast'],
];

/** Special ranges inside global unicast 2000::/3. */
const IPV6_FORBIDDEN_GLOBAL: readonly Range[] = [
  ['2001::', 23, 'IETF protocol assignments (Teredo, benchmarking, ORCHID)'],
  ['2001:db8::', 32, 'documentation'],
  ['3fff::', 20, 'documentation'],
  ['5f00::', 16, 'segment routing'],
];

/** Outside 2000::/3 everything is refused; these only name the reason. */
const IPV6_NON_GLOBAL: readonly Range[] = [
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['fc00::', 7, 'unique local'],
  ['ff00::', 8, 'multicast'],
  ['64:ff9b:1::', 48, 'local-use NAT64'],
  ['100::', 64, 'discard-only'],
];

interface RangeSet {
  readonly list: BlockList;
  readonly ranges: readonly Range[];
  readonly family: 'ipv4' | 'ipv6';
}

function rangeSet(ranges: readonly Range[], family: 'ipv4' | 'ipv6'): RangeSet {
  const list = new BlockList();
  for (const [network, prefix] of ranges) list.addSubnet(network, prefix, family);
  return { list, ranges, family };
}

const v4Forbidden = rangeSet(IPV4_FORBIDDEN, 'ipv4');
const v6ForbiddenGlobal = rangeSet(IPV6_FORBIDDEN_GLOBAL, 'ipv6');
const v6NonGlobal = rangeSet(IPV6_NON_GLOBAL, 'ipv6');
const v6GlobalUnicast = rangeSet([['2000::', 3, 'global unicast']], 'ipv6');

function reasonIn(set: RangeSet, address: string): string | null {
  if (!set.list.check(address, set.family)) return null;
  for (const range of set.ranges) {
    const single = new BlockList();
    single.addSubnet(range[0], range[1], set.family);
    if (single.check(address, set.family)) return range[2];
  }
  return 'reserved';
}

function classifyIPv4(value: number): string | null {
  return reasonIn(v4Forbidden, formatIPv4(value));
}

const embeddedV4 = (high: number, low: number): number => ((high << 16) | low) >>> 0;

function classifyIPv6(g: readonly number[]): string | null {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const embeddedReason = (kind: string, high: number, low: number): string | null => {
    if (netPlantedBug('ssrf-embedded-ipv4-unchecked')) return null;
    const reason = classifyIPv4(embeddedV4(high, low));
    return reason === null ? null : `${kind} ${formatIPv4(embeddedV4(high, low))}: ${reason}`;
  };
  const firstFiveZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  // ::ffff:a.b.c.d (IPv4-mapped)
  if (firstFiveZero && g5 === 0xffff) return embeddedReason('IPv4-mapped', g6, g7);
  // ::/96: unspecified, loopback, and the deprecated IPv4-compatible form
  if (firstFiveZero && g5 === 0) {
    if (g6 === 0 && g7 === 0) return 'unspecified';
    if (g6 === 0 && g7 === 1) return 'loopback';
    return 'IPv4-compatible (deprecated)';
  }
  // 64:ff9b::/96 (well-known NAT64 prefix)
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    return embeddedReason('NAT64', g6, g7);
  }
  const text = formatIPv6(g);
  if (!v6GlobalUnicast.list.check(text, 'ipv6')) return reasonIn(v6NonGlobal, text) ?? 'reserved';
  // 2002::/16 (6to4): the IPv4 address sits in bits 16..48
  if (g0 === 0x2002) return embeddedReason('6to4', g1, g2);
  return reasonIn(v6ForbiddenGlobal, text);
}

export interface AddressPolicy {
  /** Ports a URL may name (default 80, 443, 8080, 8443). */
  readonly allowedPorts: ReadonlySet<number>;
  /** TEST ONLY: loopback IPv4 addresses treated as public, so tests can run a local "public" site. */
  readonly testOnlyPublicAddresses: ReadonlySet<string>;
}

export interface AddressPolicyOptions {
  allowedPorts?: readonly number[];
  /**
   * TEST ONLY. Loopback IPv4 addresses (127.0.0.0/8, never 127.0.0.1) to treat as public. Refused when
   * NODE_ENV is `production`.
   */
  testOnlyPublicAddresses?: readonly string[];
}

export const DEFAULT_ALLOWED_PORTS: readonly number[] = [80, 443, 8080, 8443];

export function createAddressPolicy(options: AddressPolicyOptions = {}): AddressPolicy {
  const ports = options.allowedPorts ?? DEFAULT_ALLOWED_PORTS;
  for (const port of ports) {
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`invalid port ${port}`);
  }
  const publicAddresses = options.testOnlyPublicAddresses ?? [];
  if (publicAddresses.length > 0 && process.env.NODE_ENV === 'production') {
    throw new Error('testOnlyPublicAddresses is for tests only');
  }
  for (const address of publicAddresses) {
    const value = parseIPv4(address);
    if (value === null || value >>> 24 !== 127 || address === '127.0.0.1') {
      throw new Error(
        `testOnlyPublicAddresses takes loopback IPv4 addresses other than 127.0.0.1: ${address}`,
      );
    }
  }
  return Object.freeze({
    allowedPorts: new Set(ports),
    testOnlyPublicAddresses: new Set(publicAddresses),
  });
}

export const DEFAULT_ADDRESS_POLICY: AddressPolicy = createAddressPolicy();

export interface AddressVerdict {
  readonly forbidden: boolean;
  /** Why it is forbidden (`not an IP address` for anything unparsable), or `public`. */
  readonly reason: string;
  readonly family: 4 | 6 | 0;
}

/** Classifies a textual IP address. Anything that is not a canonical IPv4 or IPv6 address is forbidden. */
export function classifyAddress(ip: string, policy: AddressPolicy = DEFAULT_ADDRESS_POLICY): AddressVerdict {
  const text = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  const v4 = parseIPv4(text);
  if (v4 !== null) {
    if (policy.testOnlyPublicAddresses.has(formatIPv4(v4))) {
      return { forbidden: false, reason: 'public (test only)', family: 4 };
    }
    const reason = classifyIPv4(v4);
    return reason === null
      ? { forbidden: false, reason: 'public', family: 4 }
      : { forbidden: true, reason, family: 4 };
  }
  const v6 = parseIPv6(text);
  if (v6 !== null) {
    const reason = classifyIPv6(v6);
    return reason === null
      ? { forbidden: false, reason: 'public', family: 6 }
      : { forbidden: true, reason, family: 6 };
  }
  return { forbidden: true, reason: 'not an IP address', family: 0 };
}

/** True when a fetch must not connect to this address (fails closed on anything unparsable). */
export function isForbiddenAddress(ip: string, policy: AddressPolicy = DEFAULT_ADDRESS_POLICY): boolean {
  return classifyAddress(ip, policy).forbidden;
}
