import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CATEGORY_IDS } from '../../server/src/core/categories';
import { ruleFor } from '../../server/src/core/rules/catalog';
import { settingsContribution } from '../../server/src/lsp/settingsSchema';
import { settingsToConfig } from '../../server/src/lsp/settings';

const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));

describe('settings in package.json', () => {
  it('are exactly what the rule catalog generates (run `npx tsx scripts/generate-settings.ts` when this fails)', () => {
    assert.deepEqual(manifest.contributes.configuration, settingsContribution());
  });

  it('carry a severity per category with the rule\'s default, and markdown descriptions', () => {
    const properties = manifest.contributes.configuration.properties as Record<string, { default: unknown; markdownDescription?: string }>;
    for (const id of CATEGORY_IDS) {
      const setting = properties[`genaiReview.severity.${id}`];
      assert.ok(setting, `genaiReview.severity.${id}`);
      assert.equal(setting.default, ruleFor(id).defaultSeverity);
    }
    for (const [name, p] of Object.entries(properties)) assert.ok(p.markdownDescription, `${name} has a markdown description`);
    for (const name of ['productionType', 'mainCharacters', 'cast', 'markers', 'approvalPattern', 'include', 'exclude', 'trace.server']) {
      assert.ok(properties[`genaiReview.${name}`], name);
    }
  });

  it('read back into the config the defaults describe', () => {
    // What VS Code sends when nothing is changed: every default, nested by dots.
    const section: Record<string, unknown> = { severity: {}, trace: { server: 'off' } };
    const properties = manifest.contributes.configuration.properties as Record<string, { default: unknown }>;
    for (const [name, p] of Object.entries(properties)) {
      const [, ...parts] = name.split('.');
      if (parts[0] === 'severity') (section.severity as Record<string, unknown>)[parts[1]] = p.default;
      else if (parts.length === 1) section[parts[0]] = p.default;
    }
    const { config, problems } = settingsToConfig(section);
    assert.deepEqual(problems, []);
    assert.equal(config.severity?.['talent-likeness'], 'warning');
    assert.equal(config.productionType, 'scripted');
    assert.equal(config.productionTitle, undefined, 'an empty title leaves the title page in charge');
    assert.equal(config.approvalPattern, undefined, 'an empty pattern keeps the built-in one');
  });

  it('name every bad value and keep its default', () => {
    const { config, problems } = settingsToConfig({ markers: [1], productionType: 'musical', approvalPattern: '(NFX)-\\1', severity: { 'talent-likeness': 'loud' }, cast: [{ name: 'Ana Prieto', role: 'MARISOL' }, 'Hana Sato'] });
    assert.equal(config.markers, undefined);
    assert.deepEqual(config.cast, [{ name: 'Ana Prieto', role: 'MARISOL' }, { name: 'Hana Sato' }]);
    assert.equal(problems.length, 4);
    assert.match(problems.join('\n'), /genaiReview\.approvalPattern uses a back-reference/);
    assert.match(problems.join('\n'), /genaiReview\.severity\.talent-likeness must be one of/);
  });

  it('refuse a glob with too many wildcards, and run a backtracking-prone pattern on the linear engine', () => {
    const { config, problems } = settingsToConfig({ include: ['**/*.fountain', '**/*a*a*a*b'], approvalPattern: '(a+)+$' });
    assert.equal(config.include, undefined);
    assert.deepEqual(problems, ['Setting genaiReview.include holds the glob "**/*a*a*a*b", which has 5 wildcards (* or **), at most 3: matching it against long paths could take minutes; its default is used.']);
    assert.equal(config.approvalPattern, '(a+)+$');
  });
});
