// The benchmark's figures, in the order they run. To add a figure, write one
// module in this folder that default-exports a Figure and list it here: `--only`
// takes its id, the table prints its rows, latest.json keeps its result.
import build from './build.mjs';
import dmarcReports from './dmarc-reports.mjs';
import latency from './latency.mjs';
import lighthouse from './lighthouse.mjs';
import message from './message.mjs';
import spf from './spf.mjs';
import weight from './weight.mjs';

/**
 * @typedef {object} FigureContext
 * @property {{ delayMs: number, dnsPortBase: number }} options  --delay (ms), and the first of the
 *   ports for the local DoH stack (tests/dns/stack.mjs; startDns in ../processes.mjs starts it)
 * @property {string} origin  where dist/ is served on 127.0.0.1 ('' unless the figure needs 'site')
 * @property {ReturnType<import('../report.mjs').createReport>} report  section(), row(), note()
 */
/**
 * @typedef {object} Figure
 * @property {string} id  what `--only` takes, and the figure's key in bench-results/latest.json
 * @property {string} describe  one line for --help
 * @property {'build' | 'site' | 'none'} needs  'build': makes dist/ (skipped by --skip-build);
 *   'site': loads pages from dist/, served once for every figure that needs it; 'none': neither
 * @property {(ctx: FigureContext) => Promise<unknown>} run  adds its rows to the report and
 *   resolves what latest.json keeps; throws only when the figure cannot be measured
 */

/** @type {readonly Figure[]} */
export const FIGURES = [build, latency, spf, message, weight, dmarcReports, lighthouse];
