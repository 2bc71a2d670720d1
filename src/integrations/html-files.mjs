// @ts-check
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Every .html file under a directory (the built site), for the post-build integrations.
 * @param {string} dir
 * @returns {Promise<string[]>}
 */
export async function htmlFiles(dir) {
  /** @type {string[]} */
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(path)));
    else if (entry.name.endsWith('.html')) out.push(path);
  }
  return out;
}
