// A .genai-review.yaml: the same checks and messages as .genai-review.json (parseConfig.test.ts),
// at the line of each mistake, and whatever YAML can do beyond plain data (aliases, tags, more
// documents) refused at its place, with the defaults standing in for what it spoils.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { LineIndex } from '../text/lineIndex';
import { defaultConfig } from './config';
import { mergeConfig, parseConfig } from './parseConfig';
import { MAX_YAML_CONFIG_LENGTH } from './yamlTree';

const parseYaml = (text: string) => parseConfig(text, 'yaml');

/** Each problem as "line: message" (1-based lines, as an editor shows them). */
function located(text: string): string[] {
  const index = new LineIndex(text);
  return parseYaml(text).problems.map((p) => `${index.positionAt(p.span.start).line + 1}: ${p.message}`);
}

describe('.genai-review.yaml settings', () => {
  it('reads every setting, in block and flow style, as the JSON file does', () => {
    const yaml = [
      '# The production',
      'productionTitle: Night Market',
      'productionType: documentary',
      'mainCharacters: [LUZ, OMAR]',
      'centralSettings:',
      '  - NIGHT MARKET',
      'cast:',
      '  - Ana Prieto',
      '  - name: Rosa Delgado',
      '    role: LUZ',
      '  - { name: Idris Kamal, role: OMAR }',
      'markers: [GenAI, AI]',
      "approvalPattern: 'approval (?:ref )?([A-Z]+-\\d+)'",
      'severity:',
      '  talent-likeness: error',
      '  disclose: hint',
      'clearedTools: [Runway]',
      'include: ["**/*.fountain", "**/*.md"]',
      "exclude: ['**/drafts/**']",
      'maxFileSizeBytes: 1048576',
    ].join('\n');
    const json = JSON.stringify({
      productionTitle: 'Night Market',
      productionType: 'documentary',
      mainCharacters: ['LUZ', 'OMAR'],
      centralSettings: ['NIGHT MARKET'],
      cast: ['Ana Prieto', { name: 'Rosa Delgado', role: 'LUZ' }, { name: 'Idris Kamal', role: 'OMAR' }],
      markers: ['GenAI', 'AI'],
      approvalPattern: 'approval (?:ref )?([A-Z]+-\\d+)',
      severity: { 'talent-likeness': 'error', disclose: 'hint' },
      clearedTools: ['Runway'],
      include: ['**/*.fountain', '**/*.md'],
      exclude: ['**/drafts/**'],
      maxFileSizeBytes: 1048576,
    });
    const parsed = parseYaml(yaml);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.values, parseConfig(json).values);
    assert.equal(new LineIndex(yaml).positionAt(parsed.keySpans.approvalPattern!.start).line + 1, 13);
  });

  it('YAML 1.2 core schema: yes, no and on stay words; 0x10 and 1e3 are numbers', () => {
    assert.deepEqual(parseYaml('markers: [yes, no, on, off]\nmaxFileSizeBytes: 0x10\n').values, { markers: ['yes', 'no', 'on', 'off'], maxFileSizeBytes: 16 });
    assert.deepEqual(parseYaml('maxFileSizeBytes: 1e3').values, { maxFileSizeBytes: 1000 });
  });
});

describe('.genai-review.yaml problems', () => {
  it('wrong types and unknown keys, each on its own line, with the JSON messages; the defaults stand in', () => {
    const text = ['# .genai-review.yaml', 'productionType: 3', 'mainCharacters: MARISOL', 'cast: [42]', 'maxFileSizeBytes: -1', 'severity: { talent-likeness: loud, bogus: error }', 'aprovalPattern: x'].join('\n');
    assert.deepEqual(located(text), [
      '7: Unknown setting "aprovalPattern"; known settings: productionTitle, productionType, mainCharacters, centralSettings, cast, markers, approvalPattern, severity, include, exclude, clearedTools, maxFileSizeBytes.',
      '3: "mainCharacters" must be a list of strings.',
      '2: "productionType" must be "scripted" or "documentary".',
      '5: "maxFileSizeBytes" must be a positive whole number of bytes.',
      '4: A cast entry is a name or a { "name": …, "role": … } object.',
      '6: Severity of "talent-likeness" must be one of error, warning, information, hint, off.',
      '6: Unknown category "bogus"; use one of main-character, key-element, talent-likeness, documentary-imagery, third-party-ip, personal-data, union-work, final-deliverable, data-handling, approved, disclose.',
    ]);
    const config = mergeConfig(parseYaml(text).values);
    const defaults = defaultConfig();
    assert.equal(config.productionType, defaults.productionType);
    assert.deepEqual(config.mainCharacters, defaults.mainCharacters);
    assert.equal(config.maxFileSizeBytes, defaults.maxFileSizeBytes);
  });

  it('in block style, a mistake is reported at the line of the value (a list: where it starts)', () => {
    const text = ['severity:', '  talent-likeness: loud', '  bogus: error', 'cast:', '  - Ana Prieto', '  - 42', '  - role: LUZ', 'markers:', '  - GenAI', '  - ""'].join('\n');
    assert.deepEqual(located(text), [
      '9: "markers" must not contain an empty marker.',
      '6: A cast entry is a name or a { "name": …, "role": … } object.',
      '7: A cast entry needs a "name" string.',
      '2: Severity of "talent-likeness" must be one of error, warning, information, hint, off.',
      '3: Unknown category "bogus"; use one of main-character, key-element, talent-likeness, documentary-imagery, third-party-ip, personal-data, union-work, final-deliverable, data-handling, approved, disclose.',
    ]);
    assert.deepEqual(parseYaml(text).values.cast, [{ name: 'Ana Prieto' }]);
  });

  it('a setting with no value is reported on its own line', () => {
    assert.deepEqual(located('productionTitle: Night Market\nproductionType:\n'), ['2: "productionType" must be "scripted" or "documentary".']);
  });

  it('a pattern that does not compile or cannot run in linear time is reported on its line; the built-in one is used', () => {
    for (const [pattern, why] of [
      ['approval: ([A-Z', /does not compile: missing closing \]/],
      ['(NFX)-\\1', /uses a back-reference/],
      ['(?=NFX)\\w+', /uses a look-ahead/],
      ['(.*a){1000}', /is too complex/],
    ] as const) {
      const text = `# .genai-review.yaml\nproductionTitle: Night Market\napprovalPattern: '${pattern}'\n`;
      const problems = located(text);
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.match(problems[0], /^3: "approvalPattern" /);
      assert.match(problems[0], why);
      assert.match(problems[0], /the default approval pattern is used instead\.$/);
      assert.equal(parseYaml(text).values.approvalPattern, undefined);
      assert.equal(parseYaml(text).values.productionTitle, 'Night Market');
    }
  });

  it('a catastrophic-backtracking pattern is accepted: it runs on the linear-time engine', () => {
    const { values, problems } = parseYaml("approvalPattern: '(a+)+$'");
    assert.deepEqual(problems, []);
    assert.equal(values.approvalPattern, '(a+)+$');
  });

  it('a glob with too many wildcards is reported at the glob; the default globs are used', () => {
    const text = '# .genai-review.yaml\ninclude:\n  - "**/*.fountain"\n  - "**/*a*a*a*b"\n';
    assert.deepEqual(located(text), ['4: "include" glob "**/*a*a*a*b" has 5 wildcards (* or **), at most 3: matching it against long paths could take minutes; the default include globs are used instead.']);
    assert.equal(parseYaml(text).values.include, undefined);
  });
});

describe('bad YAML', () => {
  it('a syntax error is reported where it is; the setting it spoils falls back, the others apply', () => {
    for (const [text, problem, kept] of [
      // bad indentation
      ['productionType: documentary\nseverity:\n  talent-likeness: error\n   disclose: hint\nmarkers: [GenAI]\n', '3: Invalid YAML: Nested mappings are not allowed in compact mappings', 'markers'],
      // an unclosed quote, reported where it opens (it swallows the lines after it)
      ['productionType: documentary\nproductionTitle: "Night Market\nmarkers: [GenAI]\n', '2: Invalid YAML: Missing closing "quote', undefined],
      // a tab as indentation
      ['productionType: documentary\nmarkers:\n\t- GenAI\nclearedTools: [Runway]\n', '3: Invalid YAML: Tabs are not allowed as indentation', 'clearedTools'],
      // a tab under a setting: the tabbed line is read as a key of its own, and the setting falls back
      ['productionType: documentary\nseverity:\n\ttalent-likeness: error\nclearedTools: [Runway]\n', '3: Invalid YAML: Tabs are not allowed as indentation', 'clearedTools'],
      // an unclosed list
      ['productionType: documentary\nmarkers: [GenAI,\nseverity: }\n', '3: Invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]', undefined],
    ] as const) {
      const problems = located(text);
      assert.equal(problems[0], problem, text);
      const { values } = parseYaml(text);
      assert.equal(values.productionType, 'documentary', text);
      assert.equal(values.severity, undefined, text);
      assert.equal(values.productionTitle, undefined, text);
      if (kept) assert.ok(values[kept], `${kept} still applies: ${text}`);
      assert.equal(parseYaml(text).problems[0].severity, 'error');
    }
  });

  it('a duplicate key is an error at the second one; the first applies', () => {
    const text = 'productionTitle: Night Market\nseverity:\n  disclose: hint\n  disclose: off\nproductionTitle: Day Market\n';
    assert.deepEqual(located(text), ['4: Invalid YAML: duplicate key "disclose"; the first one applies.', '5: Invalid YAML: duplicate key "productionTitle"; the first one applies.']);
    assert.deepEqual(parseYaml(text).values, { productionTitle: 'Night Market', severity: { disclose: 'hint' } });
  });

  it('an alias is refused at its place and never expanded; the setting it is in falls back', () => {
    const text = 'cast: &people [Ana Prieto]\nmainCharacters: *people\nclearedTools: [Runway, *people]\n';
    assert.deepEqual(located(text), [
      '1: Invalid YAML: anchors (&people) have no use in a config file, where aliases are not allowed.',
      '2: Invalid YAML: aliases (*people) are not allowed in a config file; write the value out.',
      '3: Invalid YAML: aliases (*people) are not allowed in a config file; write the value out.',
    ]);
    assert.deepEqual(parseYaml(text).values, { cast: [{ name: 'Ana Prieto' }] });
  });

  it('an alias bomb ("billion laughs") is reported, not expanded', () => {
    const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++) {
      const [name, previous] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    lines.push('markers: *j');
    const started = performance.now();
    const { values, problems } = parseYaml(lines.join('\n'));
    assert.ok(performance.now() - started < 1000, 'nothing was expanded');
    assert.deepEqual(values, {});
    assert.ok(problems.some((p) => p.message === 'Invalid YAML: aliases (*j) are not allowed in a config file; write the value out.'));
    // Each of the 82 aliases once, as written: 10^9 "lol"s were never made.
    assert.equal(problems.filter((p) => p.message.startsWith('Invalid YAML: aliases')).length, 82);
  });

  it('a tag, custom or not, is refused where it is written; the setting falls back', () => {
    const text = 'productionTitle: !!js/function "function () { return 1 }"\nproductionType: !foo documentary\nmarkers: !!binary R2VuQUk=\nseverity:\n  disclose: !!str hint\nclearedTools: [Runway]\n';
    assert.deepEqual(located(text), [
      '1: Invalid YAML: tags such as !!js/function are not allowed in a config file; write the plain value.',
      '2: Invalid YAML: tags such as !foo are not allowed in a config file; write the plain value.',
      '3: Invalid YAML: tags such as !!binary are not allowed in a config file; write the plain value.',
      '5: Invalid YAML: tags such as !!str are not allowed in a config file; write the plain value.',
    ]);
    assert.deepEqual(parseYaml(text).values, { clearedTools: ['Runway'] });
    const [tag] = parseYaml(text).problems;
    assert.equal(text.slice(tag.span.start, tag.span.start + 14), '!!js/function ');
  });

  it('a second document is refused at its "---"; the first applies', () => {
    const text = '---\nproductionTitle: Night Market\n---\nproductionType: documentary\n';
    assert.deepEqual(located(text), ['3: Invalid YAML: only one document is allowed in a config file; this one and any after it are ignored.']);
    assert.deepEqual(parseYaml(text).values, { productionTitle: 'Night Market' });
  });

  it('a list or a plain value instead of a mapping: one problem, the defaults', () => {
    for (const text of ['- productionTitle: Night Market\n', 'Night Market\n', '"x"', '42', 'null', '[a, b]']) {
      assert.deepEqual(located(text), ['1: The config must be a YAML mapping.'], text);
      assert.deepEqual(parseYaml(text).values, {});
    }
    assert.deepEqual(located('# settings\n\n- a\n'), ['3: The config must be a YAML mapping.']);
  });

  it('an empty file, or one of comments only, sets nothing and is no mistake', () => {
    for (const text of ['', '\n\n', '# nothing yet\n', '---\n', '---\n# nothing yet\n...\n', '\uFEFF']) {
      assert.deepEqual(parseYaml(text), { values: {}, problems: [], keySpans: {} }, JSON.stringify(text));
    }
  });

  it('past a hundred YAML problems, one more says how many were left out', () => {
    const text = 'markers: [' + Array(150).fill('*a').join(', ') + ']\n';
    const problems = located(text);
    assert.equal(problems.length, 101);
    assert.equal(problems[100], '1: Invalid YAML: 50 more problems are not shown; fixing the first ones may clear them.');
  });

  it('a key that is a list or a mapping is refused', () => {
    assert.deepEqual(located('productionType: documentary\n? [markers]\n: [GenAI]\n'), ['2: Invalid YAML: a key must be a plain name, not a list or a mapping.']);
  });

  it('text nested too deeply or too long to be a config is reported, quickly, and not read', () => {
    for (const text of ['markers: ' + '['.repeat(60_000), 'markers: ' + '{a: '.repeat(16_000), Array.from({ length: 40 }, (_, i) => `${' '.repeat(i)}- `).join('\n')]) {
      const started = performance.now();
      const { values, problems } = parseYaml(text);
      assert.ok(performance.now() - started < 5000);
      assert.deepEqual(values, {});
      assert.match(problems[0].message, /^Invalid YAML: nested/);
    }
    const long = 'productionTitle: ' + 'x'.repeat(MAX_YAML_CONFIG_LENGTH);
    assert.deepEqual(parseYaml(long).problems.map((p) => p.message), ['A YAML config may hold at most 65,536 characters and this one holds 65,553: it is not read, and the defaults apply.']);
    assert.deepEqual(parseYaml(long).values, {});
  });

  it('any text, YAML-shaped or not, parses without throwing; problems lie inside the file; values are of the right type', () => {
    const keys = ['productionTitle', 'productionType', 'mainCharacters', 'cast', 'markers', 'approvalPattern', 'severity', 'include', 'exclude', 'maxFileSizeBytes', 'bogus'];
    const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('(a+)+$', '(?=x)', '[', '**/*a*a*a*b', 'documentary', -1, 1e308, 'error', 'yes'));
    const tokens = fc.constantFrom(...keys, ': ', ':', ' ', '  ', '\n', '\r\n', '\t', '- ', '-', '[', ']', '{', '}', ', ', '"', "'", '&a ', '*a', '!foo ', '!!str ', '!!js/function ', '---\n', '...\n', '# c', '? ', '|\n', '>-\n', '%YAML 1.1\n', '\uFEFF', 'name: ', 'role: ', 'error', '😀');
    const configText = fc.oneof(
      fc.dictionary(fc.constantFrom(...keys), value).map((o) => stringify(o)),
      fc.dictionary(fc.constantFrom(...keys), value).map((o) => stringify(o, { collectionStyle: 'flow' })),
      fc.tuple(fc.dictionary(fc.constantFrom(...keys), value).map((o) => stringify(o)), fc.nat(), fc.array(tokens, { maxLength: 4 })).map(([t, at, junk]) => t.slice(0, at % (t.length + 1)) + junk.join('') + t.slice(at % (t.length + 1))),
      fc.array(tokens, { maxLength: 40 }).map((t) => t.join('')),
      fc.string({ unit: 'binary', maxLength: 60 }),
    );
    fc.assert(
      fc.property(configText, (text) => {
        const { values, problems, keySpans } = parseYaml(text);
        for (const p of [...problems, ...Object.values(keySpans).map((span) => ({ span }))]) assert.ok(p.span.start >= 0 && p.span.start <= p.span.end && p.span.end <= text.length, JSON.stringify(p));
        const config = mergeConfig(values);
        assert.ok(['scripted', 'documentary'].includes(config.productionType));
        for (const list of [config.mainCharacters, config.markers, config.include, config.exclude]) assert.ok(list.every((x) => typeof x === 'string'));
        assert.ok(Number.isInteger(config.maxFileSizeBytes) && config.maxFileSizeBytes > 0);
      }),
      { numRuns: 500 },
    );
  });

  it('one validation path: the same settings as YAML or as JSON give the same values and the same messages', () => {
    const keys = ['productionTitle', 'productionType', 'mainCharacters', 'cast', 'markers', 'approvalPattern', 'severity', 'include', 'maxFileSizeBytes', 'bogus'];
    const value = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom('(a+)+$', '(?=x)', '**/*a*a*a*b', 'documentary', 'error', 'yes', [{ name: 'Ana', role: 'LUZ' }, 'Idris', 7], { disclose: 'hint', bogus: 'off' }));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), value), (settings) => {
        const json = parseConfig(JSON.stringify(settings, null, 2));
        const yaml = parseYaml(stringify(settings, { aliasDuplicateObjects: false }));
        assert.deepEqual(yaml.values, json.values);
        assert.deepEqual(yaml.problems.map((p) => p.message), json.problems.map((p) => p.message));
      }),
      { numRuns: 300 },
    );
  });
});
