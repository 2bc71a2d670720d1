// Figure: how long `astro build` takes (post-build pipeline included) and how
// many pages it makes.
import { distFigures } from '../project.mjs';
import { runTool } from '../processes.mjs';

/** @type {import('./index.mjs').Figure} */
export default {
  id: 'build',
  needs: 'build',
  describe: 'astro build: time and page count',
  async run({ report }) {
    console.error('▶ astro build …');
    const started = performance.now();
    const { code, log } = await runTool('astro', ['build']);
    const seconds = (performance.now() - started) / 1000;
    if (code !== 0) {
      console.error(log.slice(-4000));
      throw new Error(`astro build failed (${code})`);
    }
    const d = distFigures();
    report.section('Build');
    report.row('astro build', `${seconds.toFixed(1)} s`);
    report.row('pages (index.html in dist/)', String(d.pages));
    return { seconds, ...d };
  },
};
