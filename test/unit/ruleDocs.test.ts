import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CATEGORY_IDS } from '../../server/src/core/categories';

// Diagnostics link each rule id to `README.md#rule-<id>` (codeDescription.href).
describe('rule documentation links', () => {
  it('the README has an anchor for every category a diagnostic can name', () => {
    const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
    for (const id of CATEGORY_IDS) assert.ok(readme.includes(`<a id="rule-${id}"></a>`), `README.md anchor rule-${id}`);
  });
});
