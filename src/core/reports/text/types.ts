/**
 * The shape every language's wording of the report reader follows (one file
 * per language beside this one, each `satisfies ReportsText`, so a missing
 * wording is a type error). Used by the widget and its copied report for the
 * title, period, source names, advice and file errors. Everything here is
 * plain text: callers must render it as text, never as HTML.
 */
import type { AdviceCode, AdviceParams } from '../advice';
import type { PtrEvidence } from '../advice';
import type { FileErrorCode } from '../types';

export interface AdviceContext {
  /** Display name of params.sender in this language ('' when none). */
  readonly senderName: string;
  /** Messages the advice is about. */
  readonly messages: number;
}

export interface ReportsText {
  readonly lang: 'zh' | 'en';
  /** A whole number as this language writes it. */
  readonly count: (n: number) => string;
  /** A share 0…1 as a percentage with one decimal. */
  readonly percent: (share: number) => string;
  readonly summaryTitle: (domains: readonly string[]) => string;
  readonly period: (firstDay: string, lastDay: string) => string;
  /** The name of a source group without a recognised sender. */
  readonly unnamedSource: (ipOrDomain: string) => string;
  readonly advice: { readonly [C in AdviceCode]: (params: AdviceParams[C], ctx: AdviceContext) => string };
  readonly ptrEvidence: { readonly [P in PtrEvidence]: string };
  readonly fileErrorsHeading: string;
  readonly fileError: { readonly [C in FileErrorCode]: (detail: string) => string };
}
