export {
  type AddressPolicy,
  type AddressPolicyOptions,
  type AddressVerdict,
  classifyAddress,
  createAddressPolicy,
  DEFAULT_ADDRESS_POLICY,
  DEFAULT_ALLOWED_PORTS,
  isForbiddenAddress,
} from './address-policy.ts';
export {
  type CheckedUrl,
  checkDestination,
  checkUrl,
  type Destination,
  type Resolver,
} from './destination.ts';
export { FetchRefused, type FetchRefusedReason } from './fetch-refused.ts';
export {
  SAFE_FETCH_USER_AGENT,
  type SafeFetchOptions,
  type SafeFetchResponse,
  safeFetch,
} from './safe-fetch.ts';
