// A hostile or mistaken .genai-review.json: every problem is reported at its line, and what is
// wrong falls back to its default while the rest of the file still applies.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LineIndex } from '../text/lineIndex';
import { defaultConfig } from './config';
import { mergeConfig, parseConfig } from './parseConfig';

/** Each problem as "line: message" (1-based lines, as an editor shows them). */
function located(text: string): string[] {
  const index = new LineIndex(text);
  return parseConfig(text).problems.map((p) => `${index.positionAt(p.span.start).line + 1}: ${p.message}`);
}

describe('.genai-review.json problems', () => {
  it('invalid JSON is reported where it breaks, and what parsed before still applies', () => {
    const text = '{\n  "productionType": "documentary",\n  "markers": ["GenAI",\n  "severity": }\n';
    const problems = located(text);
    // The first problem is where the writer left the list open; the rest follow from it.
    assert.match(problems[0], /^4: Invalid JSON: CommaExpected$/);
    assert.equal(parseConfig(text).values.productionType, 'documentary');
  });

  it('wrong types and unknown keys, each on its own line; the defaults stand in', () => {
    const text = ['{', '  "productionType": 3,', '  "mainCharacters": "MARISOL",', '  "cast": [42],', '  "maxFileSizeBytes": -1,', '  "severity": { "talent-likeness": "loud", "bogus": "error" },', '  "aprovalPattern": "x"', '}'].join('\n');
    assert.deepEqual(located(text), [
      '7: Unknown setting "aprovalPattern"; known settings: productionTitle, productionType, mainCharacters, centralSettings, cast, markers, approvalPattern, severity, include, exclude, clearedTools, maxFileSizeBytes.',
      '3: "mainCharacters" must be a list of strings.',
      '2: "productionType" must be "scripted" or "documentary".',
      '5: "maxFileSizeBytes" must be a positive whole number of bytes.',
      '4: A cast entry is a name or a { "name": …, "role": … } object.',
      '6: Severity of "talent-likeness" must be one of error, warning, information, hint, off.',
      '6: Unknown category "bogus"; use one of main-character, key-element, talent-likeness, documentary-imagery, third-party-ip, personal-data, union-work, final-deliverable, data-handling, approved, disclose.',
    ]);
    const config = mergeConfig(parseConfig(text).values);
    const defaults = defaultConfig();
    assert.equal(config.productionType, defaults.productionType);
    assert.deepEqual(config.mainCharacters, defaults.mainCharacters);
    assert.equal(config.maxFileSizeBytes, defaults.maxFileSizeBytes);
  });

  it('a pattern that does not compile or cannot run in linear time is reported on its line; the built-in one is used', () => {
    for (const [pattern, why] of [
      ['approval: ([A-Z', /does not compile: missing closing \]/],
      ['(NFX)-\\\\1', /uses a back-reference/],
      ['(?=NFX)\\\\w+', /uses a look-ahead/],
      ['(.*a){1000}', /is too complex/],
    ] as const) {
      const text = `{\n  "productionTitle": "Night Market",\n  "approvalPattern": "${pattern}"\n}\n`;
      const problems = located(text);
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.match(problems[0], /^3: "approvalPattern" /);
      assert.match(problems[0], why);
      assert.match(problems[0], /the default approval pattern is used instead\.$/);
      assert.equal(parseConfig(text).values.approvalPattern, undefined);
      assert.equal(parseConfig(text).values.productionTitle, 'Night Market');
    }
  });

  it('a catastrophic-backtracking pattern is accepted: it runs on the linear-time engine', () => {
    const { values, problems } = parseConfig('{ "approvalPattern": "(a+)+$" }');
    assert.deepEqual(problems, []);
    assert.equal(values.approvalPattern, '(a+)+$');
  });

  it('a glob with too many wildcards is reported at the glob; the default globs are used', () => {
    const text = '{\n  "include": [\n    "**/*.fountain",\n    "**/*a*a*a*b"\n  ]\n}\n';
    assert.deepEqual(located(text), ['4: "include" glob "**/*a*a*a*b" has 5 wildcards (* or **), at most 3: matching it against long paths could take minutes; the default include globs are used instead.']);
    assert.equal(parseConfig(text).values.include, undefined);
    assert.deepEqual(parseConfig('{ "exclude": ["**/drafts/**/*.md"] }').problems, []);
  });

  it('any text, JSON-shaped or not, parses without throwing; problems lie inside the file; values are of the right type', () => {
    const keys = ['productionTitle', 'productionType', 'mainCharacters', 'cast', 'markers', 'approvalPattern', 'severity', 'include', 'exclude', 'maxFileSizeBytes', 'bogus'];
    const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('(a+)+$', '(?=x)', '[', '**/*a*a*a*b', 'documentary', -1, 1e308, 'error'));
    const configText = fc.oneof(
      fc.dictionary(fc.constantFrom(...keys), value).map((o) => JSON.stringify(o, null, 2)),
      fc.tuple(fc.dictionary(fc.constantFrom(...keys), value).map((o) => JSON.stringify(o)), fc.nat(), fc.string({ unit: 'binary', maxLength: 4 })).map(([t, at, junk]) => t.slice(0, at % (t.length + 1)) + junk + t.slice(at % (t.length + 1))),
      fc.string({ unit: 'binary', maxLength: 60 }),
    );
    fc.assert(
      fc.property(configText, (text) => {
        const { values, problems } = parseConfig(text);
        for (const p of problems) assert.ok(p.span.start >= 0 && p.span.start <= p.span.end && p.span.end <= text.length, JSON.stringify(p));
        const config = mergeConfig(values);
        assert.ok(['scripted', 'documentary'].includes(config.productionType));
        for (const list of [config.mainCharacters, config.markers, config.include, config.exclude]) assert.ok(list.every((x) => typeof x === 'string'));
        assert.ok(Number.isInteger(config.maxFileSizeBytes) && config.maxFileSizeBytes > 0);
      }),
      { numRuns: 300 },
    );
  });

  it('JSON nested too deeply to read is a problem, not a crash', () => {
    const { values, problems } = parseConfig('{ "markers": ' + '['.repeat(100_000));
    assert.deepEqual(values, {});
    assert.deepEqual(problems.map((p) => p.message), ['Invalid JSON: nested too deeply to read.']);
  });

  it('a config that is not an object, or empty, never throws', () => {
    for (const text of ['', '[]', '"x"', 'null', '{', '}}}', '\uFEFF{}', '{"include": [1, 2]}', '{"cast": [{"name": ""}]}']) {
      const parsed = parseConfig(text);
      assert.ok(Array.isArray(parsed.problems), text);
    }
  });
});
