import { strict as assert } from 'node:assert';
import { parseFountain } from './parseFountain';
import type { ScriptElement } from '../../script/elements';

/** [type, text] of every element: what a reader of the script would name each part. */
function shape(source: string): [string, string][] {
  return parseFountain(source).elements.map((e) => [e.type, e.text]);
}

function only(source: string, type: ScriptElement['type']): ScriptElement[] {
  return parseFountain(source).elements.filter((e) => e.type === type);
}

describe('parseFountain', () => {
  describe('title page', () => {
    it('reads keys, indented multi-line values, and stops at the first blank line', () => {
      const script = parseFountain('Title:\n\t_**BRICK & STEEL**_\n\t_**FULL RETIRED**_\nAuthor: Stu\nContact:\n   1 Main St.\n   Solvang\n\nEXT. PATIO - DAY\n');
      assert.deepEqual(
        script.titlePage.map((e) => [e.key, e.value]),
        [
          ['Title', '_**BRICK & STEEL**_\n_**FULL RETIRED**_'],
          ['Author', 'Stu'],
          ['Contact', '1 Main St.\nSolvang'],
        ],
      );
      assert.equal(script.title, 'BRICK & STEEL FULL RETIRED');
      assert.deepEqual(script.elements.map((e) => e.type), ['scene-heading']);
    });

    it('accepts lower-case keys and values after a tab', () => {
      const script = parseFountain('title:\tMy Living Memory \nauthor: Dan\n\nFADE IN:\n');
      assert.equal(script.title, 'My Living Memory');
      assert.equal(script.titlePage.length, 2);
    });

    it('does not take a lone "FADE IN:" at the top for a title page', () => {
      const script = parseFountain('FADE IN:\n\nINT. HOUSE - DAY\n');
      assert.deepEqual(script.titlePage, []);
      // Not a transition either: by the spec only "TO:" endings are, unless forced with ">".
      assert.deepEqual(script.elements.map((e) => [e.type, e.text]), [
        ['action', 'FADE IN:'],
        ['scene-heading', 'INT. HOUSE - DAY'],
      ]);
    });

    it('keeps a note at the end of the title page as a note', () => {
      const script = parseFountain('Title: X\nContact:\n\tme\n[[URL to post]]\n\nINT. A - DAY\n');
      assert.equal(script.titlePage.length, 2);
      assert.equal(script.regions.length, 1);
      assert.equal(script.elements[0].type, 'scene-heading');
    });
  });

  describe('scene headings', () => {
    for (const heading of ['INT. HOUSE - DAY', 'EXT. ROAD - NIGHT', 'EST. CITY - DAWN', 'INT./EXT. CAR - DAY', 'INT/EXT CAR - DAY', 'I/E BUS - DAY', 'int. kitchen - day', 'INT SCOTT\'S APARTMENT, SAME TIME']) {
      it(`recognises "${heading}"`, () => {
        assert.deepEqual(shape(`Action.\n\n${heading}\n\nMore action.\n`)[1], ['scene-heading', heading]);
      });
    }

    it('does not take words that merely start like a prefix ("INTERIOR", "Extra")', () => {
      assert.deepEqual(shape('INTERIOR DECORATORS ARRIVE.\n\nExtra chairs.\n').map((s) => s[0]), ['action', 'action']);
    });

    it('forces a heading with one leading period but not with two or three', () => {
      assert.deepEqual(shape('.SNIPER SCOPE POV\n\n..not a heading\n\n...and then\n'), [
        ['scene-heading', 'SNIPER SCOPE POV'],
        ['action', '..not a heading'],
        ['action', '...and then'],
      ]);
      assert.equal(only('.SNIPER SCOPE POV\n', 'scene-heading')[0].forced, true);
    });

    it('splits a scene number off the end', () => {
      const [heading] = only('INT. HOUSE - DAY #1A#\n\nAction.\n', 'scene-heading');
      assert.equal(heading.text, 'INT. HOUSE - DAY');
      assert.equal(heading.sceneNumber, '1A');
      assert.equal(only('.FLASHBACK #I-1-A#\n', 'scene-heading')[0].sceneNumber, 'I-1-A');
    });

    it('keeps the heading when a note follows it on the line', () => {
      const script = parseFountain('INT. LIGHTHOUSE - NIGHT [[GenAI: sky replacement]]\n\nAction.\n');
      assert.deepEqual(script.elements[0], { type: 'scene-heading', text: 'INT. LIGHTHOUSE - NIGHT', span: script.elements[0].span });
      assert.equal(script.regions[0].kind, 'note');
    });
  });

  describe('action and character cues', () => {
    it('reads a capitalised line followed by text as a cue, and one followed by a blank line as action', () => {
      assert.deepEqual(shape('MARISOL\nThen we walk.\n\nTHE END\n'), [
        ['character', 'MARISOL'],
        ['dialogue', 'Then we walk.'],
        ['action', 'THE END'],
      ]);
    });

    it('forces action with "!" even for a capitalised line above text', () => {
      const [action] = only('!SCREAMING\nIt echoes.\n', 'action');
      assert.equal(action.text, 'SCREAMING\nIt echoes.');
      assert.equal(action.forced, true);
    });

    it('reads extensions in any case and canonicalises the name', () => {
      const cues = only('MARISOL (V.O.)\nNineteen.\n\nJOE (cont\'d)\nHi.\n\nSTEEL (O.S.) (CONT\'D)\nYo.\n', 'character');
      assert.deepEqual(cues.map((c) => [c.characterName, c.extension]), [
        ['MARISOL', '(V.O.)'],
        ['JOE', "(cont'd)"],
        ['STEEL', "(O.S.) (CONT'D)"],
      ]);
    });

    it('forces a cue with "@" for names with lower-case letters', () => {
      const [cue] = only('@McCLANE\nYippee ki-yay.\n', 'character');
      assert.equal(cue.characterName, 'MCCLANE');
      assert.equal(cue.forced, true);
    });

    it('marks both speakers of dual dialogue', () => {
      const cues = only('STEEL\nScrew retirement.\n\nBRICK ^\nScrew retirement.\n', 'character');
      assert.deepEqual(cues.map((c) => [c.characterName, c.dual]), [
        ['STEEL', true],
        ['BRICK', true],
      ]);
    });

    it('ignores indentation before cues, parentheticals and dialogue', () => {
      assert.deepEqual(shape('\t\t\tJACK\n\t\t(in Vietnamese)\n\t*Did you know?*\n'), [
        ['character', 'JACK'],
        ['parenthetical', '(in Vietnamese)'],
        ['dialogue', '*Did you know?*'],
      ]);
    });

    it('reads a Cyrillic cue like a Latin one', () => {
      assert.deepEqual(shape('МАША\n(тихо)\nПривет.\n\nОна уходит.\n'), [
        ['character', 'МАША'],
        ['parenthetical', '(тихо)'],
        ['dialogue', 'Привет.'],
        ['action', 'Она уходит.'],
      ]);
    });
  });

  describe('dialogue', () => {
    it('splits dialogue around parentheticals and joins its lines', () => {
      assert.deepEqual(shape('STEEL\nThey are coming!\n(pause)\nNo, everybody\nwe put away!\n'), [
        ['character', 'STEEL'],
        ['dialogue', 'They are coming!'],
        ['parenthetical', '(pause)'],
        ['dialogue', 'No, everybody\nwe put away!'],
      ]);
    });

    it('continues dialogue over a line of two spaces', () => {
      assert.deepEqual(shape('DEALER\nTen.\n  \nTwenty.\n\nHe leaves.\n'), [
        ['character', 'DEALER'],
        ['dialogue', 'Ten.\n\nTwenty.'],
        ['action', 'He leaves.'],
      ]);
    });

    it('reads lyrics', () => {
      assert.deepEqual(shape('NAR\n~Neema-sasim neema-sah\n'), [
        ['character', 'NAR'],
        ['lyrics', 'Neema-sasim neema-sah'],
      ]);
    });

    it('keeps a note inside dialogue out of the spoken words', () => {
      const script = parseFountain('MARISOL\nThen we walk. [[AI: clean up the wind noise]] Like always.\n');
      assert.equal(script.elements[1].text, 'Then we walk.  Like always.');
      assert.equal(script.regions.length, 1);
    });

    it('keeps a cue and its dialogue together around a line holding only a note', () => {
      assert.deepEqual(shape('TEO\n[[GenAI: younger voice]]\nThe bus didn\'t come.\n'), [
        ['character', 'TEO'],
        ['dialogue', "The bus didn't come."],
      ]);
    });
  });

  describe('transitions, centered text, page breaks', () => {
    it('reads a capitalised line ending in TO: alone in its block as a transition', () => {
      assert.deepEqual(shape('Action.\n\nSMASH CUT TO:\n\nINT. A - DAY\n')[1], ['transition', 'SMASH CUT TO:']);
    });

    it('reads "CUT TO:" straight above a heading as a transition, not a cue', () => {
      assert.deepEqual(shape('CUT TO:\nINT. A - DAY\n\nAction.\n'), [
        ['transition', 'CUT TO:'],
        ['scene-heading', 'INT. A - DAY'],
        ['action', 'Action.'],
      ]);
    });

    it('forces a transition with ">" and centres text with "> <"', () => {
      const elements = parseFountain('> BURN TO PINK.\n\n> THE END <\n').elements;
      assert.deepEqual(elements.map((e) => [e.type, e.text, e.forced ?? false]), [
        ['transition', 'BURN TO PINK.', true],
        ['centered', 'THE END', false],
      ]);
    });

    it('reads consecutive centred lines each as centred', () => {
      assert.deepEqual(shape('> BRICK BRADDOCK <\n> & DICK STEEL IN <\n').map((s) => s[0]), ['centered', 'centered']);
    });

    it('tells a page break (===) from a synopsis (=)', () => {
      assert.deepEqual(shape('= Meet the players.\n\n===\n\n== double\n'), [
        ['synopsis', 'Meet the players.'],
        ['page-break', ''],
        ['synopsis', '= double'],
      ]);
    });
  });

  describe('sections', () => {
    it('reads the depth and the text after the #s', () => {
      const sections = only('# ACT I\n\n## Meet Scott\n### Scott\'s Apartment\n\n## Nak Meets Scott ##\n', 'section');
      assert.deepEqual(sections.map((s) => [s.depth, s.text]), [
        [1, 'ACT I'],
        [2, 'Meet Scott'],
        [3, "Scott's Apartment"],
        [2, 'Nak Meets Scott'],
      ]);
    });

    it('takes #1# at the end of a heading for a scene number, not a section', () => {
      assert.deepEqual(shape('EXT. ROAD - DAY #1#\n').map((s) => s[0]), ['scene-heading']);
      assert.deepEqual(shape('#1 fan\n').map((s) => s[0]), ['section']);
    });
  });

  describe('notes and boneyard', () => {
    it('finds notes inline and across lines', () => {
      const text = 'Action [[inline]] here.\n\n[[A note\nthat goes on]]\n';
      const regions = parseFountain(text).regions;
      assert.deepEqual(regions.map((r) => [r.kind, text.slice(r.textSpan.start, r.textSpan.end)]), [
        ['note', 'inline'],
        ['note', 'A note\nthat goes on'],
      ]);
      assert.equal(text.slice(regions[0].span.start, regions[0].span.end), '[[inline]]');
    });

    it('ends a note at a blank line, but not at a line of two spaces', () => {
      const open = parseFountain('[[Half a note\n\nINT. A - DAY\n\nIt ends]]\n');
      assert.equal(open.regions.length, 0);
      assert.equal(open.problems.length, 1);
      assert.equal(open.problems[0].severity, 'warning');
      assert.ok(open.elements.some((e) => e.type === 'scene-heading' && e.text === 'INT. A - DAY'));

      const spaced = parseFountain('[[One\n  \ntwo]]\n');
      assert.equal(spaced.regions.length, 1);
      assert.deepEqual(spaced.problems, []);
    });

    it('reports an unclosed [[ and still parses the rest of the script', () => {
      const script = parseFountain('INT. A - DAY\n\nTEO\nHi. [[unfinished\n\nMARISOL\nHello.\n');
      assert.equal(script.problems.length, 1);
      assert.match(script.problems[0].message, /not closed/);
      assert.deepEqual(script.elements.filter((e) => e.type === 'character').map((e) => e.characterName), ['TEO', 'MARISOL']);
    });

    it('hides boneyard across lines, scenes included', () => {
      const text = 'INT. A - DAY\n\n/*\nINT. CUT SCENE - NIGHT\n\nGONE\nForever.\n*/\n\nINT. B - DAY\n';
      const script = parseFountain(text);
      assert.deepEqual(script.elements.map((e) => e.text), ['INT. A - DAY', 'INT. B - DAY']);
      assert.equal(script.regions[0].kind, 'boneyard');
    });

    it('reports an unclosed /* and reads the rest as script', () => {
      const script = parseFountain('INT. A - DAY\n\n/* draft\n\nTEO\nHi.\n');
      assert.equal(script.problems.length, 1);
      assert.match(script.problems[0].message, /never closed/);
      assert.ok(script.elements.some((e) => e.type === 'character'));
    });

    it('treats [[ inside boneyard as boneyard, and /* inside a note as note text', () => {
      const script = parseFountain('/* old [[note]] */\n\n[[see /* here]]\n');
      assert.deepEqual(script.regions.map((r) => r.kind), ['boneyard', 'note']);
      assert.deepEqual(script.problems, []);
    });
  });

  describe('line endings, BOM, tabs, scripts', () => {
    const lf = 'Title: T\n\nINT. A - DAY\n\nTEO\n(beat)\nHi.\n\n[[note]]\n\nCUT TO:\n';
    it('reads CRLF, lone CR and mixed endings as LF', () => {
      const expected = shape(lf);
      assert.deepEqual(shape(lf.replace(/\n/g, '\r\n')), expected);
      assert.deepEqual(shape(lf.replace(/\n/g, '\r')), expected);
      let i = 0;
      assert.deepEqual(shape(lf.replace(/\n/g, () => ['\n', '\r\n', '\r'][i++ % 3])), expected);
    });

    it('skips a BOM and keeps offsets in the original text', () => {
      const text = '\uFEFFINT. A - DAY\n';
      const [heading] = parseFountain(text).elements;
      assert.deepEqual(heading.span, { start: 1, end: 13 });
      assert.equal(text.slice(heading.span.start, heading.span.end), 'INT. A - DAY');
    });

    it('gives spans in UTF-16 code units after astral characters', () => {
      const text = '🎬🎬 Opening.\n\nTEO\nHi.\n';
      const cue = parseFountain(text).elements.find((e) => e.type === 'character') as ScriptElement;
      assert.equal(text.slice(cue.span.start, cue.span.end), 'TEO');
      assert.equal(cue.span.start, 15);
    });

    it('spans of multi-line elements cover their lines', () => {
      const text = 'STEEL\nThey are\ncoming!\n';
      const dialogue = parseFountain(text).elements[1];
      assert.equal(text.slice(dialogue.span.start, dialogue.span.end), 'They are\ncoming!');
    });
  });
});
