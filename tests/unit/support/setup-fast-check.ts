// Property tests run with a fixed seed, so `npm test` gives the same answer on every
// run and a failure can be replayed. To explore new random inputs (how the SPF and
// DMARC input bugs were found), run with MG_FUZZ=1 — each run then picks its own
// seed, and fast-check prints the seed and the counterexample when a property fails:
//   MG_FUZZ=1 npx vitest run tests/unit
import fc from 'fast-check';

if (!process.env['MG_FUZZ']) fc.configureGlobal({ seed: 20_261_122 });
