/**
 * WebCrypto as browsers without Ed25519 have it (before 2023–2025): importing
 * an Ed25519 key throws NotSupportedError; everything else is the platform's.
 * Counts the Ed25519 imports, so a test can see how often support was asked.
 */
export function subtleWithoutEd25519(): { readonly subtle: SubtleCrypto; readonly ed25519Imports: () => number } {
  const real = globalThis.crypto.subtle;
  let imports = 0;
  const isEd25519 = (alg: unknown) => (typeof alg === 'string' ? alg : (alg as { name?: string } | null)?.name) === 'Ed25519';
  const subtle = {
    digest: real.digest.bind(real),
    verify: real.verify.bind(real),
    importKey: (format: 'raw' | 'spki', data: BufferSource, alg: AlgorithmIdentifier | RsaHashedImportParams, extractable: boolean, usages: KeyUsage[]) => {
      if (isEd25519(alg)) {
        imports++;
        return Promise.reject(new DOMException('Unrecognized name.', 'NotSupportedError'));
      }
      return real.importKey(format, data, alg, extractable, usages);
    },
  } as unknown as SubtleCrypto;
  return { subtle, ed25519Imports: () => imports };
}
