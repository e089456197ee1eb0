import { strict as assert } from 'node:assert';
import { fountainOutline } from './outline';

describe('fountainOutline', () => {
  it('nests sections by level: ## ends at the next ## or #, # at the next #', () => {
    const text = '# Act 1\n\n## Seq A\n\nINT. A - DAY\n\nAction.\n\n## Seq B\n\nEXT. B - NIGHT\n\nMore.\n\n# Act 2\n\nINT. C - DAY\n\nEnd.\n';
    const slice = (kind: string, i: number) => {
      const r = fountainOutline(text).filter((x) => x.kind === kind)[i];
      return text.slice(r.span.start, r.span.end);
    };
    assert.equal(slice('section', 0), '# Act 1\n\n## Seq A\n\nINT. A - DAY\n\nAction.\n\n## Seq B\n\nEXT. B - NIGHT\n\nMore.');
    assert.equal(slice('section', 1), '## Seq A\n\nINT. A - DAY\n\nAction.');
    assert.equal(slice('section', 2), '## Seq B\n\nEXT. B - NIGHT\n\nMore.');
    assert.equal(slice('scene', 0), 'INT. A - DAY\n\nAction.');
    assert.equal(slice('scene', 2), 'INT. C - DAY\n\nEnd.');
  });
});
