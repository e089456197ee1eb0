import { strict as assert } from 'node:assert';
import { Production } from './workspace';

describe('Production.text', () => {
  it('gives the text held for a file and for a config, which the LSP layer places spans in', () => {
    const production = new Production();
    production.setFile('/p/notes.md', '- GenAI: mood board\n');
    production.setFile('/p/.genai-review.json', '{ "productionType": "musical" }');
    assert.equal(production.text('/p/notes.md'), '- GenAI: mood board\n');
    const config = production.text('/p/.genai-review.json')!;
    const [problem] = production.configProblems('/p/.genai-review.json');
    assert.equal(config.slice(problem.span.start, problem.span.end), '"musical"');
    assert.equal(production.text('/p/other.md'), undefined);
    production.removeFile('/p/notes.md');
    assert.equal(production.text('/p/notes.md'), undefined);
  });
});
