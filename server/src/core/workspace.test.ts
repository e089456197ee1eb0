// The production model after edits: which screenplay each notes file follows and which files an
// edit affects stay right as files come and go, at the size of a real production, and findings
// read after an edit are those of the text as it now is.
import { strict as assert } from 'node:assert';
import { TEST_SCRIPT } from './rules/testing';
import { Production } from './workspace';

const script = (speeches: number) => `INT. ROOM - DAY\n\n${'ROSA\nHello.\n\n'.repeat(speeches)}`;

describe('Production after edits', () => {
  it('knows, in a 1,000-file production, the notes that follow each screenplay', () => {
    const production = new Production();
    for (let e = 0; e < 200; e++) {
      production.setFile(`/p/ep${e}/script.fountain`, script(3));
      for (let n = 0; n < 4; n++) production.setFile(`/p/ep${e}/notes-${n}.md`, '- GenAI: mood board\n');
    }
    assert.equal(production.paths().length, 1000);
    assert.deepEqual(production.dependents('/p/ep7/script.fountain'), ['/p/ep7/notes-0.md', '/p/ep7/notes-1.md', '/p/ep7/notes-2.md', '/p/ep7/notes-3.md', '/p/ep7/script.fountain']);
    assert.equal(production.screenplayFor('/p/ep7/notes-2.md'), '/p/ep7/script.fountain');
  });

  it('follows the nearest screenplay as screenplays are added and removed', () => {
    const production = new Production();
    production.setFile('/p/main.fountain', script(3));
    production.setFile('/p/ep1/notes.md', '- GenAI: mood board\n');
    assert.equal(production.screenplayFor('/p/ep1/notes.md'), '/p/main.fountain');
    production.setFile('/p/ep1/ep1.fountain', script(3));
    assert.equal(production.screenplayFor('/p/ep1/notes.md'), '/p/ep1/ep1.fountain');
    assert.deepEqual(production.dependents('/p/main.fountain'), ['/p/main.fountain']);
    production.removeFile('/p/ep1/ep1.fountain');
    assert.equal(production.screenplayFor('/p/ep1/notes.md'), '/p/main.fountain');
    assert.deepEqual(production.dependents('/p/main.fountain'), ['/p/ep1/notes.md', '/p/main.fountain']);
  });

  it('follows, of two screenplays in a folder, the one with more dialogue as the texts change', () => {
    const production = new Production();
    production.setFile('/p/a.fountain', script(5));
    production.setFile('/p/b.fountain', script(2));
    production.setFile('/p/notes.md', '- GenAI: mood board\n');
    assert.equal(production.screenplayFor('/p/notes.md'), '/p/a.fountain');
    production.setFile('/p/b.fountain', script(9));
    assert.equal(production.screenplayFor('/p/notes.md'), '/p/b.fountain');
  });

  it('points a main character at their first cue as it is after an edit above it', () => {
    const production = new Production();
    const note = '\n[[GenAI: generate Rosa’s face for the roof wide, final comp]]\n';
    production.setFile('/p/s.fountain', TEST_SCRIPT + note);
    const before = production.analyze('/p/s.fountain');
    const evidence = () => production.analyze('/p/s.fountain')[0].evidence.find((e) => e.kind === 'main-character')!;
    assert.ok(before.length === 1 && evidence().location);
    const edited = TEST_SCRIPT.replace('INT. OBSERVATORY - DOME - NIGHT', 'INT. OBSERVATORY - DOME - NIGHT\n\nA long night begins, and the dome creaks.') + note;
    production.setFile('/p/s.fountain', edited);
    const { span } = evidence().location!;
    assert.equal(edited.slice(span.start, span.end), 'ROSA');
    assert.equal(span.start, edited.indexOf('ROSA\n'));
  });
});

describe('Production in an untrusted workspace', () => {
  it('lets a config file lower the file size limit but not raise it, and says so at the key', () => {
    const production = new Production();
    production.setWorkspaceTrusted(false);
    production.setFile('/p/.genai-review.json', '{\n  "maxFileSizeBytes": 9000000000\n}\n');
    production.setFile('/p/low/.genai-review.json', '{\n  "maxFileSizeBytes": 1000\n}\n');
    assert.equal(production.configFor('/p/notes.md').config.maxFileSizeBytes, 5 * 1024 * 1024);
    assert.equal(production.configFor('/p/low/notes.md').config.maxFileSizeBytes, 1000);
    assert.deepEqual(production.configProblems('/p/.genai-review.json').map((p) => p.message), ['"maxFileSizeBytes" may only lower the limit until you trust this workspace; files over 5242880 bytes are skipped.']);
    assert.deepEqual(production.configProblems('/p/low/.genai-review.json'), []);
    production.setWorkspaceTrusted(true);
    assert.equal(production.configFor('/p/notes.md').config.maxFileSizeBytes, 9000000000);
    assert.deepEqual(production.configProblems('/p/.genai-review.json'), []);
  });
});

describe('Production config files: JSON or YAML', () => {
  it('takes a .genai-review.yaml or .yml as it takes a .genai-review.json: the nearest folder at or above the file', () => {
    const production = new Production();
    production.setFile('/p/.genai-review.yml', 'productionTitle: Night Market\nproductionType: documentary\n');
    production.setFile('/p/ep1/.genai-review.yaml', 'productionTitle: Episode One\n');
    assert.equal(production.configFor('/p/notes.md').path, '/p/.genai-review.yml');
    assert.equal(production.configFor('/p/notes.md').config.productionType, 'documentary');
    const ep1 = production.configFor('/p/ep1/scenes/notes.md');
    assert.equal(ep1.path, '/p/ep1/.genai-review.yaml');
    assert.equal(ep1.config.productionTitle, 'Episode One');
    assert.equal(ep1.config.productionType, 'scripted', 'the nearest file applies, alone, as with JSON');
  });

  it('of several in one folder, .json wins, then .yaml, then .yml; each ignored one says so at its start', () => {
    const production = new Production();
    production.setFile('/p/notes.md', '- GenAI: mood board\n');
    production.setFile('/p/.genai-review.yml', '# old\nproductionTitle: From yml\n');
    production.setFile('/p/.genai-review.yaml', 'productionTitle: From yaml\nbogus: 1\n');
    production.setFile('/p/.genai-review.json', '{ "productionTitle": "From json" }');
    const problems = (p: string) => production.configProblems(p).map((x) => `${x.severity} ${x.span.start}-${x.span.end} ${x.message}`);
    assert.equal(production.configFor('/p/notes.md').config.productionTitle, 'From json');
    assert.deepEqual(problems('/p/.genai-review.json'), []);
    assert.deepEqual(problems('/p/.genai-review.yml'), ['warning 0-5 Ignored: .genai-review.json in the same folder applies.']);
    assert.deepEqual(problems('/p/.genai-review.yaml'), [
      'warning 0-26 Ignored: .genai-review.json in the same folder applies.',
      // Its own mistakes still show, for the day it applies.
      'warning 27-32 Unknown setting "bogus"; known settings: productionTitle, productionType, mainCharacters, centralSettings, cast, markers, approvalPattern, severity, include, exclude, clearedTools, maxFileSizeBytes.',
    ]);
    production.removeFile('/p/.genai-review.json');
    assert.equal(production.configFor('/p/notes.md').config.productionTitle, 'From yaml');
    assert.equal(problems('/p/.genai-review.yaml').length, 1);
    assert.deepEqual(problems('/p/.genai-review.yml'), ['warning 0-5 Ignored: .genai-review.yaml in the same folder applies.']);
    production.removeFile('/p/.genai-review.yaml');
    assert.equal(production.configFor('/p/notes.md').config.productionTitle, 'From yml');
    assert.deepEqual(problems('/p/.genai-review.yml'), []);
  });

  it('untrusted, a YAML config loses the same keys as a JSON one, said at each key', () => {
    const production = new Production();
    production.setWorkspaceTrusted(false);
    production.setFile('/p/.genai-review.yaml', "productionTitle: Night Market\napprovalPattern: 'ref ([A-Z]+-\\d+)'\ninclude: ['**/*.fountain']\nmaxFileSizeBytes: 9000000000\n");
    const text = production.text('/p/.genai-review.yaml')!;
    assert.deepEqual(
      production.configProblems('/p/.genai-review.yaml').map((p) => `${text.slice(0, p.span.start).split('\n').length}: ${text.slice(p.span.start, p.span.end)}`),
      ['2: approvalPattern', '3: include', '4: maxFileSizeBytes'],
    );
    const { config } = production.configFor('/p/notes.md');
    assert.equal(config.approvalPattern, undefined);
    assert.equal(config.productionTitle, 'Night Market');
    assert.equal(config.maxFileSizeBytes, 5 * 1024 * 1024);
    production.setWorkspaceTrusted(true);
    assert.equal(production.configFor('/p/notes.md').config.approvalPattern, 'ref ([A-Z]+-\\d+)');
    assert.deepEqual(production.configProblems('/p/.genai-review.yaml'), []);
  });
});
