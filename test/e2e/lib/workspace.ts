// Each run gets a fresh copy of the example production: tests edit files (quick fixes, new
// files), and the examples in the repository must stay as they are.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { examplesDir } from './paths';

export async function copyExamples(intoDir: string): Promise<string> {
  if (!fs.existsSync(examplesDir) || fs.readdirSync(examplesDir).length === 0) {
    throw new Error(`${examplesDir} is missing or empty: the real-editor tests open the example production there`);
  }
  const workspace = path.join(intoDir, 'examples');
  // The summary the CLI writes there is an output, not an example (it is git-ignored).
  await fs.promises.cp(examplesDir, workspace, {
    recursive: true,
    filter: (source) => source !== path.join(examplesDir, 'DISCLOSURE.md'),
  });
  return workspace;
}
