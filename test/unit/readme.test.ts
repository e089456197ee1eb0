import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { withRules } from '../../scripts/readmeRules';
import { CATEGORY_IDS } from '../../server/src/core/categories';
import { parseConfig } from '../../server/src/core/config/parseConfig';

const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');

describe('README', () => {
  it('carries the rule reference generated from the catalog (run `npm run docs` after editing a rule)', () => {
    assert.equal(readme, withRules(readme));
  });

  it('has an anchor for every rule, which diagnostics link to', () => {
    for (const id of CATEGORY_IDS) assert.ok(readme.includes(`<a id="rule-${id}"></a>`), id);
  });

  it('gives config examples that read without a problem, the YAML one as the JSON one for the keys it sets', () => {
    const json = parseConfig(readme.match(/```json\n([\s\S]*?)```/)![1]);
    const yaml = parseConfig(readme.match(/```yaml\n([\s\S]*?)```/)![1], 'yaml');
    assert.deepEqual([...json.problems, ...yaml.problems], []);
    for (const [key, value] of Object.entries(yaml.values)) assert.deepEqual(value, json.values[key as keyof typeof json.values], key);
  });

  it('gives the two set-up commands', () => {
    assert.match(readme, /npm install && npm start/);
    assert.match(readme, /npm install && npm test/);
  });
});
