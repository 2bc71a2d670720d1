// The one import path MDX pages use for widgets. Each export is a thin .astro
// wrapper that owns its island's client:* directive.
export { default as Checker } from './Checker/Checker.astro';
export { default as Propagation } from './Propagation/Propagation.astro';
export { default as SpfInspector } from './SpfInspector/SpfInspector.astro';
export { default as DnsLookup } from './DnsLookup/DnsLookup.astro';
export { default as SharePageLink } from './SharePageLink/SharePageLink.astro';
export { default as ClientSettings } from './ClientSettings/ClientSettings.astro';
export { default as MessageAnalyser } from './MessageAnalyser/MessageAnalyser.astro';
export { default as DmarcReports } from './DmarcReports/DmarcReports.astro';
