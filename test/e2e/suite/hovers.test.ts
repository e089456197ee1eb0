// Hovering a flagged note explains it: the category, why it needs approval, the principle and
// approval area it rests on, the sources, and what to do next, in the rule catalog's words.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { isCategoryId } from '../../../server/src/core/categories';
import { ruleFor } from '../../../server/src/core/rules/catalog';
import { PRINCIPLES } from '../../../server/src/core/rules/rule';
import { EXAMPLE_FILES, exampleUri, expectedDiagnostics, lineOf, originalText, SCREENPLAY, waitForExampleDiagnostics } from './support/examples';
import { codeOf } from './support/waitFor';

/** The hover's Markdown at a position, as the editor would show it. */
async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n\n');
}

/** Catalog text as the hover writes it: one line, nothing that could turn into HTML or split a table. */
function inHover(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[<|]/g, (c) => `\\${c}`);
}

describe('hovers', () => {
  before(async () => {
    for (const name of EXAMPLE_FILES) await waitForExampleDiagnostics(name);
  });

  it('explain each flagged note with its rule\'s principle, approval area, sources and next steps', async () => {
    let checked = 0;
    for (const name of EXAMPLE_FILES) {
      const uri = exampleUri(name);
      for (const d of vscode.languages.getDiagnostics(uri)) {
        const code = codeOf(d);
        if (!isCategoryId(code)) continue; // low-risk uses have no rule to explain
        const rule = ruleFor(code);
        const hover = await hoverAt(uri, d.range.start.translate(0, 2));
        const where = `${name}:${d.range.start.line + 1}`;
        assert.ok(hover.includes(`**${rule.title}** (\`${code}\`)`), `${where}: the rule's title in\n${hover}`);
        assert.ok(hover.includes(inHover(rule.explanation)), `${where}: the rule's explanation`);
        for (const id of rule.principles) assert.ok(hover.includes(`${id} *${inHover(PRINCIPLES[id].title)}*`), `${where}: principle ${id}`);
        assert.ok(hover.includes(`Approval area: ${inHover(rule.approvalArea)}`), `${where}: approval area`);
        for (const source of rule.sources) assert.ok(hover.includes(inHover(source)), `${where}: source ${source}`);
        if (d.message.startsWith('Approved')) {
          assert.match(hover, /^\*\*GenAI use: approved \(/, where);
          assert.ok(!hover.includes('**Next:**'), `${where}: nothing left to do`);
        } else {
          assert.match(hover, /^\*\*GenAI use: needs written approval\*\*/, where);
          assert.ok(hover.includes(`**Next:** ${inHover(rule.nextSteps)}`), `${where}: next steps`);
        }
        checked += 1;
      }
    }
    assert.ok(checked >= 10, `hovered ${checked} notes`);
  });

  it('names the approval reference of an approved note, and every category a note implies', async () => {
    const uri = exampleUri(SCREENPLAY);
    const text = originalText(SCREENPLAY);
    const deAge = lineOf(text, 'de-age Rosa Delgado');
    const hover = await hoverAt(uri, new vscode.Position(deAge, 4));
    const reference = /Approval: (\S+)\]\]/.exec(text.split('\n')[deAge + 1])![1];
    assert.match(hover, new RegExp(`^\\*\\*GenAI use: approved \\(${reference}\\)\\*\\*`));
    assert.ok(hover.includes(`Approval reference: ${reference}`));

    const canopy = expectedDiagnostics(SCREENPLAY).find((e) => e.finding.categories.length > 1)!;
    const several = await hoverAt(uri, new vscode.Position(canopy.line, 4));
    for (const category of canopy.finding.categories) assert.ok(several.includes(`**${ruleFor(category).title}** (\`${category}\`)`), category);
  });

  it('says nothing on story lines', async () => {
    const text = originalText(SCREENPLAY);
    const line = lineOf(text, 'a news report about deepfake politicians');
    assert.equal(await hoverAt(exampleUri(SCREENPLAY), new vscode.Position(line, text.split('\n')[line].indexOf('deepfake') + 2)), '');
  });
});
