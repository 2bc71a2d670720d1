// RFC 7208's processing limits, apart from the evaluator so that a page can show
// them without loading the evaluator (the SPF tool fetches it when an IP is tested).

/** §4.6.4: terms that query DNS (include, a, mx, ptr, exists, redirect) per evaluation. */
export const SPF_DNS_TERM_LIMIT = 10;
/** §4.6.4: void lookups (no data, or NXDOMAIN) per evaluation. */
export const SPF_VOID_LOOKUP_LIMIT = 2;
/** §4.6.4: MX records an mx mechanism may use, and PTR names a ptr mechanism or %{p} may validate. */
export const SPF_NAMES_PER_LOOKUP = 10;
