import type { FetchRefusedReason } from '../../src/platform/net/fetch-refused.ts';

/**
 * URLs a server-side fetch must refuse before any connection (docs/RELIABILITY.md, R14). `resolves`
 * is what the injected resolver answers for a name; literals never reach a resolver.
 */
export interface RefusedCase {
  readonly url: string;
  readonly reason: FetchRefusedReason;
  readonly resolves?: readonly string[];
  readonly note: string;
}

const forbidden = (url: string, note: string, resolves?: readonly string[]): RefusedCase =>
  resolves === undefined
    ? { url, reason: 'forbidden_address', note }
    : { url, reason: 'forbidden_address', note, resolves };

export const REFUSED_CORPUS: readonly RefusedCase[] = [
  // IPv4 loopback in every form the URL parser normalizes
  forbidden('http://127.0.0.1/', 'loopback dotted'),
  forbidden('http://127.0.0.1./', 'loopback with trailing dot'),
  forbidden('http://127.1/', 'loopback short form a.b'),
  forbidden('http://127.0.1/', 'loopback short form a.b.c'),
  forbidden('http://2130706433/', 'loopback decimal integer'),
  forbidden('http://0x7f000001/', 'loopback hex integer'),
  forbidden('http://0X7F000001/', 'loopback upper-case hex integer'),
  forbidden('http://0x7f.1/', 'loopback hex short form'),
  forbidden('http://0x7f.0x0.0x0.0x1/', 'loopback dotted hex'),
  forbidden('http://0177.0.0.1/', 'loopback octal first octet'),
  forbidden('http://0177.0000.0000.0001/', 'loopback dotted octal'),
  forbidden('http://017700000001/', 'loopback octal integer'),
  forbidden('http://127.255.255.254/', 'loopback top of 127/8'),
  forbidden('http://①②⑦.0.0.1/', 'loopback in enclosed digits (IDNA maps to ASCII)'),
  forbidden('http://127。0。0。1/', 'loopback with ideographic full stops'),
  forbidden('http://127.0.0.1:8080/', 'loopback on an allowed port'),
  forbidden('https://127.0.0.1/', 'loopback over https'),
  // unspecified and this-network
  forbidden('http://0.0.0.0/', 'unspecified IPv4'),
  forbidden('http://0/', 'unspecified as integer'),
  forbidden('http://0.1.2.3/', 'this network 0/8'),
  forbidden('http://[::]/', 'unspecified IPv6'),
  // cloud metadata and link-local
  forbidden('http://169.254.169.254/latest/meta-data/', 'metadata dotted'),
  forbidden('http://2852039166/', 'metadata decimal'),
  forbidden('http://0xa9fea9fe/', 'metadata hex'),
  forbidden('http://0251.0376.0251.0376/', 'metadata octal'),
  forbidden('http://169.254.43518/', 'metadata short form'),
  forbidden('http://[::ffff:169.254.169.254]/', 'metadata IPv4-mapped'),
  forbidden('http://[::ffff:a9fe:a9fe]/', 'metadata IPv4-mapped hex'),
  forbidden('http://[64:ff9b::a9fe:a9fe]/', 'metadata via NAT64'),
  forbidden('http://[2002:a9fe:a9fe::]/', 'metadata via 6to4'),
  forbidden('http://[fe80::1]/', 'IPv6 link-local'),
  forbidden('http://[febf:ffff::1]/', 'IPv6 link-local top of fe80::/10'),
  forbidden('http://[fd00:ec2::254]/', 'AWS IPv6 metadata (ULA)'),
  // private and CGNAT
  forbidden('http://10.0.0.1/', 'private 10/8'),
  forbidden('http://167772161/', 'private 10/8 decimal'),
  forbidden('http://10.1/', 'private 10/8 short form'),
  forbidden('http://172.16.0.1/', 'private 172.16/12 bottom'),
  forbidden('http://172.31.255.254/', 'private 172.16/12 top'),
  forbidden('http://192.168.1.1/', 'private 192.168/16'),
  forbidden('http://0xc0a80101/', 'private 192.168/16 hex'),
  forbidden('http://100.64.0.1/', 'carrier-grade NAT bottom'),
  forbidden('http://100.127.255.254/', 'carrier-grade NAT top'),
  // IPv4 embedded in IPv6
  forbidden('http://[::ffff:127.0.0.1]/', 'IPv4-mapped loopback (Mattermost CVE-2026-2455)'),
  forbidden('http://[::ffff:7f00:1]/', 'IPv4-mapped loopback hex'),
  forbidden('http://[0:0:0:0:0:ffff:127.0.0.1]/', 'IPv4-mapped loopback expanded'),
  forbidden(
    'http://[0000:0000:0000:0000:0000:FFFF:7F00:0001]/',
    'IPv4-mapped loopback zero-padded upper case',
  ),
  forbidden('http://[::ffff:10.0.0.1]/', 'IPv4-mapped private'),
  forbidden('http://[::ffff:0.0.0.0]/', 'IPv4-mapped unspecified'),
  forbidden('http://[::127.0.0.1]/', 'IPv4-compatible loopback'),
  forbidden('http://[::7f00:1]/', 'IPv4-compatible loopback hex'),
  forbidden('http://[::8.8.8.8]/', 'IPv4-compatible (deprecated, refused whatever it embeds)'),
  forbidden('http://[64:ff9b::7f00:1]/', 'NAT64 loopback'),
  forbidden('http://[64:ff9b::127.0.0.1]/', 'NAT64 loopback dotted'),
  forbidden('http://[64:ff9b::c0a8:101]/', 'NAT64 private'),
  forbidden('http://[64:ff9b:1::808:808]/', 'local-use NAT64 prefix'),
  forbidden('http://[2002:7f00:1::]/', '6to4 loopback'),
  forbidden('http://[2002:a00:1::1]/', '6to4 private'),
  forbidden('http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', 'Teredo'),
  forbidden('http://[2001::ffff:ffff:80ff:fffe]/', 'Teredo embedding 127.0.0.1 (inverted client)'),
  // IPv6 special ranges
  forbidden('http://[::1]/', 'IPv6 loopback'),
  forbidden('http://[0:0:0:0:0:0:0:1]/', 'IPv6 loopback expanded'),
  forbidden('http://[fc00::1]/', 'unique local fc00::/8'),
  forbidden('http://[fdff:ffff::1]/', 'unique local fd00::/8'),
  forbidden('http://[fec0::1]/', 'site-local (deprecated)'),
  forbidden('http://[ff02::1]/', 'IPv6 multicast'),
  forbidden('http://[2001:db8::1]/', 'IPv6 documentation'),
  forbidden('http://[3fff::1]/', 'IPv6 documentation 3fff::/20'),
  forbidden('http://[100::1]/', 'discard-only'),
  forbidden('http://[2001:2::1]/', 'IPv6 benchmarking'),
  // multicast, broadcast, reserved, documentation, benchmarking
  forbidden('http://224.0.0.1/', 'multicast'),
  forbidden('http://239.255.255.250/', 'multicast SSDP'),
  forbidden('http://255.255.255.255/', 'broadcast'),
  forbidden('http://4294967295/', 'broadcast decimal'),
  forbidden('http://240.0.0.1/', 'reserved 240/4'),
  forbidden('http://192.0.0.8/', 'IETF protocol assignments'),
  forbidden('http://192.0.2.1/', 'TEST-NET-1'),
  forbidden('http://198.51.100.1/', 'TEST-NET-2'),
  forbidden('http://203.0.113.1/', 'TEST-NET-3'),
  forbidden('http://198.18.0.1/', 'benchmarking'),
  forbidden('http://198.19.255.254/', 'benchmarking top'),
  forbidden('http://192.88.99.1/', '6to4 relay anycast'),
  // names
  forbidden('http://localhost/', 'localhost without DNS'),
  forbidden('http://LOCALHOST./', 'localhost upper case with trailing dot'),
  forbidden('http://api.localhost/', 'a .localhost name'),
  forbidden('http://metadata.google.internal/', 'name resolving to the metadata address', [
    '169.254.169.254',
  ]),
  forbidden('http://rebind.example/', 'name resolving to loopback', ['127.0.0.1']),
  forbidden('http://mapped.example/', 'name resolving to an IPv4-mapped loopback', ['::ffff:127.0.0.1']),
  forbidden('http://mixed.example/', 'name with one public and one private answer', ['8.8.8.8', '10.0.0.1']),
  forbidden('http://ula.example/', 'name resolving to a unique local address', ['fd12:3456::1']),
  // scheme, credentials, ports, junk
  { url: 'file:///etc/passwd', reason: 'bad_scheme', note: 'file scheme' },
  { url: 'gopher://127.0.0.1:6379/_INFO', reason: 'bad_scheme', note: 'gopher to Redis' },
  { url: 'ftp://example.com/', reason: 'bad_scheme', note: 'ftp scheme' },
  { url: 'data:text/html,hi', reason: 'bad_scheme', note: 'data URL' },
  { url: 'javascript:alert(1)', reason: 'bad_scheme', note: 'javascript URL' },
  { url: 'http://user:pass@example.com/', reason: 'credentials_in_url', note: 'credentials' },
  {
    url: 'http://example.com@127.0.0.1/',
    reason: 'credentials_in_url',
    note: 'user part that looks like a host',
  },
  { url: 'http://example.com:22/', reason: 'bad_port', note: 'ssh port' },
  { url: 'http://example.com:6379/', reason: 'bad_port', note: 'Redis port' },
  { url: 'https://example.com:0/', reason: 'bad_port', note: 'port zero' },
  { url: 'http://[::1%25eth0]/', reason: 'bad_url', note: 'IPv6 zone id' },
  { url: 'http://1.2.3.4.5/', reason: 'bad_url', note: 'five-part IPv4' },
  { url: 'http://256.0.0.1/', reason: 'bad_url', note: 'IPv4 octet out of range' },
  { url: 'not a url', reason: 'bad_url', note: 'not a URL' },
];
