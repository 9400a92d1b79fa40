import { lookup } from 'node:dns/promises';
import { type AddressPolicy, classifyAddress, DEFAULT_ADDRESS_POLICY } from './address-policy.ts';
import { FetchRefused } from './fetch-refused.ts';

/** Resolves a host name to textual IP addresses. Injected in tests; the default asks the system. */
export type Resolver = (hostname: string) => Promise<readonly string[]>;

export const systemResolver: Resolver = async (hostname) => {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map((answer) => answer.address);
};

export interface CheckedUrl {
  readonly url: URL;
  /** Host without IPv6 brackets or a trailing dot. */
  readonly hostname: string;
  readonly port: number;
  /** 4 or 6 for an IP literal, 0 for a name that still has to be resolved. */
  readonly literal: 4 | 6 | 0;
}

export interface Destination extends CheckedUrl {
  /** The single checked address the connection must use. */
  readonly address: string;
  readonly family: 4 | 6;
}

export interface CheckOptions {
  /** When false, the address is not checked (only used by the planted redirect bug). */
  checkAddress?: boolean;
}

const isLocalhostName = (name: string): boolean => name === 'localhost' || name.endsWith('.localhost');

/**
 * Parses and checks a URL without touching the network: http(s) only, no credentials, an allowed port,
 * and (for an IP literal, in any encoding the URL parser normalizes) an allowed address.
 */
export function checkUrl(
  input: string | URL,
  policy: AddressPolicy = DEFAULT_ADDRESS_POLICY,
  options: CheckOptions = {},
): CheckedUrl {
  let url: URL;
  try {
    url = new URL(String(input));
  } catch (error) {
    throw new FetchRefused('bad_url', 'not a valid URL', { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchRefused('bad_scheme', `scheme ${url.protocol} is not allowed`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new FetchRefused('credentials_in_url', 'URLs with credentials are not fetched');
  }
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  if (!policy.allowedPorts.has(port)) throw new FetchRefused('bad_port', `port ${port} is not allowed`);

  let hostname = url.hostname;
  if (hostname.startsWith('[') && hostname.endsWith(']')) hostname = hostname.slice(1, -1);
  else if (hostname.endsWith('.')) hostname = hostname.slice(0, -1);
  if (hostname === '') throw new FetchRefused('bad_url', 'no host');

  const verdict = classifyAddress(hostname, policy);
  if (verdict.family !== 0) {
    if (verdict.forbidden && options.checkAddress !== false) {
      throw new FetchRefused('forbidden_address', `${hostname} is ${verdict.reason}`);
    }
    return { url, hostname, port, literal: verdict.family };
  }
  // A host the URL parser did not turn into an address is a name; anything address-like here is odd.
  if (/^[0-9.]+$/.test(hostname) || hostname.includes(':')) {
    throw new FetchRefused('bad_url', `unexpected host ${hostname}`);
  }
  if (isLocalhostName(hostname) && options.checkAddress !== false) {
    throw new FetchRefused('forbidden_address', `${hostname} is a loopback name`);
  }
  return { url, hostname, port, literal: 0 };
}

/**
 * Resolves a checked URL to the one address to connect to. The resolver is asked once; every address
 * it returns must be allowed (a mix of public and private answers is refused), and the first one is
 * pinned for the connection.
 */
export async function resolveDestination(
  checked: CheckedUrl,
  policy: AddressPolicy = DEFAULT_ADDRESS_POLICY,
  resolve: Resolver = systemResolver,
  options: CheckOptions = {},
): Promise<Destination> {
  if (checked.literal !== 0) return { ...checked, address: checked.hostname, family: checked.literal };
  let answers: readonly string[];
  try {
    answers = await resolve(checked.hostname);
  } catch (error) {
    throw new FetchRefused('dns_failed', `${checked.hostname} did not resolve`, { cause: error });
  }
  if (answers.length === 0) throw new FetchRefused('dns_failed', `${checked.hostname} has no addresses`);
  let pinned: Destination | null = null;
  for (const answer of answers) {
    const verdict = classifyAddress(answer, policy);
    if (verdict.family === 0) throw new FetchRefused('dns_failed', `${checked.hostname}: bad answer`);
    if (verdict.forbidden && options.checkAddress !== false) {
      throw new FetchRefused(
        'forbidden_address',
        `${checked.hostname} resolves to ${answer} (${verdict.reason})`,
      );
    }
    pinned ??= {
      ...checked,
      address: answer.startsWith('[') ? answer.slice(1, -1) : answer,
      family: verdict.family,
    };
  }
  if (pinned === null) throw new FetchRefused('dns_failed', `${checked.hostname} has no addresses`);
  return pinned;
}

/** `checkUrl` then `resolveDestination`: everything a fetch checks before it connects. */
export async function checkDestination(
  input: string | URL,
  policy: AddressPolicy = DEFAULT_ADDRESS_POLICY,
  resolve: Resolver = systemResolver,
): Promise<Destination> {
  return resolveDestination(checkUrl(input, policy), policy, resolve);
}
