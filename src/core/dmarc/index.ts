/**
 * DMARC per RFC 9989 beyond one record's text: the DNS tree walk (policy
 * discovery §4.10.1, organisational domain §4.10.2) and its adapter for the
 * message analyser. The record parser and builder are in ../records/dmarc.ts.
 */
export {
  askWith,
  discoverDmarcPolicy,
  dmarcOrgDomain,
  dmarcWalkNames,
  firstWalkQuestion,
  WALK_LIMIT,
  type DmarcAsk,
  type DmarcPolicyDiscovery,
  type DmarcDiscoveryFound,
  type DmarcSource,
  type OrgDomainResult,
} from './walk';
export { MESSAGE_DMARC_STEPS, OrgDomainUnknown, toMessageDiscovery } from './message';
