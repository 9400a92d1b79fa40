import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyAddress,
  createAddressPolicy,
  isForbiddenAddress,
} from '../../src/platform/net/address-policy.ts';
import { checkDestination, checkUrl } from '../../src/platform/net/destination.ts';
import { FetchRefused } from '../../src/platform/net/fetch-refused.ts';
import { REFUSED_CORPUS } from './refused-corpus.ts';

const noDns = async (): Promise<readonly string[]> => {
  throw new Error('a literal must never reach the resolver');
};

async function refusal(url: string, resolves?: readonly string[]): Promise<FetchRefused> {
  try {
    await checkDestination(url, undefined, resolves === undefined ? noDns : async () => resolves);
  } catch (error) {
    if (error instanceof FetchRefused) return error;
    throw error;
  }
  throw new Error(`${url} was allowed`);
}

describe('refused corpus (R14)', () => {
  it('has at least 60 encodings', () => {
    expect(REFUSED_CORPUS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(REFUSED_CORPUS.map((c) => [c.note, c] as const))('%s', async (_note, c) => {
    const error = await refusal(c.url, c.resolves);
    expect(error.reason, error.message).toBe(c.reason);
  });
});

describe('isForbiddenAddress', () => {
  it.each([
    '127.0.0.1',
    '0.0.0.0',
    '10.255.255.255',
    '172.16.0.1',
    '192.168.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '224.0.0.251',
    '255.255.255.255',
    '::1',
    '::',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '64:ff9b::7f00:1',
    '2002:7f00:1::',
    '[::ffff:169.254.169.254]',
    'fe80::1',
    'fc00::1',
    'fe80::1%eth0',
    '2130706433',
    '0x7f.1',
    '127.1',
    '0177.0.0.1',
    '',
    'example.com',
  ])('refuses %s', (ip) => {
    expect(isForbiddenAddress(ip)).toBe(true);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '2001:4860:4860::8888',
    '[2606:4700:4700::1111]',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ])('allows the public address %s (classified only, never fetched)', (ip) => {
    expect(classifyAddress(ip)).toMatchObject({ forbidden: false, reason: 'public' });
  });

  it('accepts public literals in URLs without any DNS', () => {
    expect(checkUrl('http://8.8.8.8/').literal).toBe(4);
    expect(checkUrl('https://[2001:4860:4860::8888]/').literal).toBe(6);
  });

  it('treats a test-only loopback address as public and nothing else', () => {
    const policy = createAddressPolicy({ testOnlyPublicAddresses: ['127.0.0.2'] });
    expect(isForbiddenAddress('127.0.0.2', policy)).toBe(false);
    expect(isForbiddenAddress('127.0.0.1', policy)).toBe(true);
    expect(isForbiddenAddress('::ffff:127.0.0.2', policy)).toBe(true);
    expect(() => createAddressPolicy({ testOnlyPublicAddresses: ['10.0.0.1'] })).toThrow();
    expect(() => createAddressPolicy({ testOnlyPublicAddresses: ['127.0.0.1'] })).toThrow();
  });
});

// Property: any IPv4 address inside a forbidden range is refused in every encoding we can write.
const FORBIDDEN_V4: readonly (readonly [number, number])[] = [
  [0x00000000, 8],
  [0x0a000000, 8],
  [0x64400000, 10],
  [0x7f000000, 8],
  [0xa9fe0000, 16],
  [0xac100000, 12],
  [0xc0000000, 24],
  [0xc0000200, 24],
  [0xc0586300, 24],
  [0xc0a80000, 16],
  [0xc6120000, 15],
  [0xc6336400, 24],
  [0xcb007100, 24],
  [0xe0000000, 4],
  [0xf0000000, 4],
];

const forbiddenV4 = fc
  .tuple(fc.constantFrom(...FORBIDDEN_V4), fc.nat({ max: 0xffffffff }))
  .map(([[network, prefix], noise]) => (network | (noise & (0xffffffff >>> prefix))) >>> 0);

const octets = (n: number): number[] => [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const hex = (n: number): string => n.toString(16);

function encodings(n: number): string[] {
  const [a = 0, b = 0, c = 0, d = 0] = octets(n);
  const high = n >>> 16;
  const low = n & 0xffff;
  return [
    `${a}.${b}.${c}.${d}`,
    `${a}.${b}.${c}.${d}.`,
    String(n),
    `0x${hex(n)}`,
    `0X${hex(n).toUpperCase()}`,
    `0${n.toString(8)}`,
    [a, b, c, d].map((o) => `0x${hex(o)}`).join('.'),
    [a, b, c, d].map((o) => `0${o.toString(8)}`).join('.'),
    `${a}.${(n >>> 0) & 0xffffff}`,
    `${a}.${b}.${low}`,
    `0x${hex(a)}.${(n >>> 0) & 0xffffff}`,
    `[::ffff:${a}.${b}.${c}.${d}]`,
    `[::ffff:${hex(high)}:${hex(low)}]`,
    `[0:0:0:0:0:ffff:${hex(high)}:${hex(low)}]`,
    `[::FFFF:${hex(high).toUpperCase()}:${hex(low).toUpperCase()}]`,
    `[64:ff9b::${hex(high)}:${hex(low)}]`,
    `[64:ff9b::${a}.${b}.${c}.${d}]`,
    `[2002:${hex(high)}:${hex(low)}::1]`,
    `[::${hex(high)}:${hex(low)}]`,
  ];
}

describe('property: forbidden IPv4 in every encoding', () => {
  it('refuses dotted, decimal, hex, octal, short and IPv6-embedded forms', async () => {
    await fc.assert(
      fc.asyncProperty(forbiddenV4, fc.constantFrom('http', 'https'), async (n, scheme) => {
        for (const encoding of encodings(n)) {
          const url = `${scheme}://${encoding}/`;
          const error = await refusal(url).catch((e: unknown) => e);
          expect(error, url).toBeInstanceOf(FetchRefused);
          // 0.0.0.0/8 integers like `0` are still addresses; every refusal is about the address.
          expect((error as FetchRefused).reason, url).toBe('forbidden_address');
        }
        expect(isForbiddenAddress(`::ffff:${octets(n).join('.')}`)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
