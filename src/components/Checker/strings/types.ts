// The shape of the Checker's words: one file per language (./zh.ts, ./en.ts) fills it in.
import type { DmarcPolicy } from '~/core';

export interface CheckerStrings {
  readonly domainLabel: string;
  readonly domainHint: string;
  readonly providerLabel: string;
  readonly hostLabel: string;
  readonly options: string;
  readonly dkimLabel: string;
  readonly dkimHint: string;
  readonly dmarcPolicyLabel: string;
  readonly dmarcRuaLabel: string;
  readonly dmarcRuaHint: string;
  readonly dmarcSpLabel: string;
  readonly sameAsP: string;
  readonly spHint: string;
  readonly dmarcNpLabel: string;
  readonly sameAsSp: string;
  readonly npHint: string;
  readonly testingLabel: string;
  readonly testingNote: (policy: string, applied: string) => string;
  readonly testingHint: string;
  readonly extraSpfLabel: string;
  readonly extraSpfHint: string;
  readonly dkimInvalid: string;
  readonly ruaInvalid: (value: string) => string;
  readonly spfInvalid: (value: string) => string;
  /** The first line of the copied report, naming the domain. */
  readonly reportTitle: (domain: string) => string;
  readonly check: string;
  readonly stop: string;
  readonly copyLink: string;
  readonly linkCopied: string;
  readonly exportZone: string;
  readonly exportCsv: string;
  readonly showZone: string;
  readonly pitfalls: string;
  readonly detectedHost: (name: string) => string;
  readonly detectedOther: string;
  readonly watch: string;
  readonly watchNotify: string;
  readonly watching: (time: string) => string;
  readonly watchStop: string;
  readonly watchDone: string;
  readonly changed: (name: string, from: string, to: string) => string;
  readonly hostGuide: string;
  readonly cannotCheck: string;
  readonly policies: { readonly [P in DmarcPolicy]: string };
  readonly policyHelp: { readonly [P in DmarcPolicy]: string };
}
