// The Fountain grammar (https://fountain.io/syntax), built from named pieces so that each rule can
// say why it is shaped the way it is. `npm run build:grammars` writes it to
// syntaxes/fountain.tmLanguage.json; a unit test fails when that file is stale.
//
// How the grammar sees a script. TextMate reads one line at a time, but Fountain decides what a
// line is by its neighbours: a character cue is an all-caps line *after a blank line*, a scene
// heading needs a blank line before it. So every top-level rule is a block that starts on a
// non-blank line and ends just before the next blank line. The top level is therefore only ever
// reached on the first line after a blank line (or the first line of the file), which is
// exactly where the spec lets a scene heading, transition or character cue start. Lines inside a
// block are continuation lines: dialogue and parentheticals under a cue, action elsewhere.
//
// The one thing a line-at-a-time grammar cannot know is the *next* line: an all-caps line after
// a blank line is scoped as a character cue even when no dialogue follows ("SILENCE." alone is
// caught by the punctuation rule below, "SILENCE" is not). The LSP's parser, which sees the whole
// document, is the authority; the grammar only colours.

import { type Grammar, type Rule, ref } from './textmate';

const r = String.raw;

/** A blank line ends every block; a line of exactly two spaces is the spec's "intentional blank"
 * inside dialogue and notes, so it does not. */
const BLANK_LINE_AHEAD = r`^(?![ ]{2}$)(?=[ \t]*$)`;

/** INT, EXT, EST, INT./EXT, INT/EXT, I/E (any case), followed by a dot or a space. */
const SCENE_HEADING_PREFIX = r`(?i:(?:int|ext)\.?[ \t]?/[ \t]?(?:ext|int)|i/e|e/i|int|ext|est)(?:\.|[ \t])`;

/** A single leading dot followed by a letter or digit forces a scene heading ("..." does not). */
const FORCED_SCENE_HEADING = r`\.(?=[\p{L}\p{N}])`;

/** Characters a line may start with that make it something other than a cue or transition:
 * forced action `!`, forced cue `@`, lyrics `~`, synopsis `=`, section `#`, forced heading `.`,
 * centered/forced transition `>`, note `[[`, boneyard `/*`. */
const NOT_A_CUE_START = r`(?![!@~=#>.]|\[\[|/\*)`;

/** The name part of a character cue: no lowercase letter, at least one uppercase letter (any
 * script: MARISOL, МАША), no `(` (extensions follow), no `^` (dual dialogue), no `:` (no name
 * has one; "FADE IN:", "SUPER: PARIS" are action). */
const CUE_NAME = r`[^\p{Ll}\n(^:]*?\p{Lu}[^\p{Ll}\n(^:]*?`;

/** Parenthesised extensions after a name: (V.O.), (O.S.), (CONT'D), (on the radio). */
const CUE_EXTENSIONS = r`(?:\([^)\n]*\)[ \t]*)+`;

/** No name has a spaced dash or a double dash; headings-like action lines do ("INSERT - THE
 * LETTER", "ИНТ. КВАРТИРА – КУХНЯ"). Hyphenated names (JEAN-LUC) stay cues. */
const NOT_A_DASHED_PHRASE = r`(?![^(\n]*(?:[ \t][-–—]+[ \t]|--))`;

/** Notes may follow a cue ("MARISOL (V.O.) [[GenAI: synthesized voice]]") and may be lowercase. */
const TRAILING_NOTES = r`(?:\[\[[^\n]*?\]\][ \t]*)*`;

/** What makes a line a character cue, as far as one line can tell. A bare name may not end in
 * sentence punctuation: "THE END." or "BANG!" after a blank line are action, not speakers. */
const CUE_LINE = r`(?:@[^\n]*|${NOT_A_CUE_START}${NOT_A_DASHED_PHRASE}(?:${CUE_NAME}(?<![.!?,;…])[ \t]*\^?|${CUE_NAME}[ \t]*${CUE_EXTENSIONS}\^?)[ \t]*${TRAILING_NOTES}$)`;

/** Uppercase and ending in TO: ("CUT TO:", "SMASH CUT TO:"), or forced with `>` but not centered
 * (a centered line also ends with `<`). */
const TRANSITION_LINE = r`(?:>(?![^\n]*<[ \t]*$)|${NOT_A_CUE_START}[^\p{Ll}\n]*TO:[ \t]*$)`;

/** Title page keys from the spec and the common tools; any other key counts too if it has a
 * lowercase letter (so "FADE IN:" on line one is not a title page). */
const TITLE_PAGE_KEY = r`(?:(?i:title|credit|authors?|source|draft[ \t]+date|date|contact(?:[ \t]+info)?|copyright|notes|revision|watermark|font|tl|tc|tr|cc|bl|br|header|footer)|(?=[\p{L}\p{N} _'-]*\p{Ll})[\p{L}\p{N}][\p{L}\p{N} _'-]{0,40})`;

// ---------------------------------------------------------------------------------------------
// Inline elements: inside any line of any block.

const note: Rule = {
  comment: 'A note [[...]] may run over several lines but, by the spec, not over a blank one: ending there keeps an unclosed [[ from greying out the rest of the script.',
  name: 'comment.block.note.fountain',
  begin: r`\[\[`,
  beginCaptures: { 0: { name: 'punctuation.definition.comment.begin.fountain' } },
  end: r`(\]\])|${BLANK_LINE_AHEAD}`,
  endCaptures: { 1: { name: 'punctuation.definition.comment.end.fountain' } },
};

const boneyard: Rule = {
  comment: 'Boneyard /* ... */ hides text from the script and runs over blank lines and blocks.',
  name: 'comment.block.boneyard.fountain',
  begin: r`/\*`,
  beginCaptures: { 0: { name: 'punctuation.definition.comment.begin.fountain' } },
  end: r`\*/`,
  endCaptures: { 0: { name: 'punctuation.definition.comment.end.fountain' } },
};

const escape: Rule = {
  comment: 'A backslash makes the next * or _ literal.',
  name: 'constant.character.escape.fountain',
  match: r`\\[*_\\]`,
};

/** Emphasis opens only where its closer exists on the same line (the spec: emphasis does not
 * cross line breaks), so a lone asterisk stays plain text. Markers hug the text: "* not *". */
function emphasis(marker: string, name: string, punctuation: string): Rule {
  const m = marker.replace(/[*]/g, '\\*');
  const notMarker = marker[0] === '*' ? r`(?<![\\*])` : r`(?<![\\\p{L}\p{N}_])`;
  const markerChar = marker[0] === '*' ? r`\*` : '_';
  return {
    name,
    begin: r`${notMarker}(${m})(?=[^\s${markerChar}])(?=[^\n]*?[^\s\\${markerChar}]${m})`,
    beginCaptures: { 1: { name: punctuation } },
    end: r`(?<=[^\s\\])(${m})(?!${markerChar})|$`,
    endCaptures: { 1: { name: punctuation } },
    patterns: [ref('inline')],
  };
}

const inline: Rule = {
  patterns: [
    ref('note'),
    ref('boneyard'),
    ref('escape'),
    emphasis('***', 'markup.bold.fountain markup.italic.fountain', 'punctuation.definition.bold-italic.fountain'),
    emphasis('**', 'markup.bold.fountain', 'punctuation.definition.bold.fountain'),
    emphasis('*', 'markup.italic.fountain', 'punctuation.definition.italic.fountain'),
    emphasis('_', 'markup.underline.fountain', 'punctuation.definition.underline.fountain'),
  ],
};

// ---------------------------------------------------------------------------------------------
// Line elements that may appear on any line of an action paragraph (and start one).

const pageBreak: Rule = {
  comment: 'Three or more = and nothing else. Listed before synopsis, which starts with one =.',
  name: 'meta.separator.page-break.fountain',
  match: r`^[ \t]*(={3,})[ \t]*$`,
  captures: { 1: { name: 'keyword.operator.page-break.fountain' } },
};

const synopsis: Rule = {
  comment: 'A single = (not ==, not ===) starts a synopsis: outline text that is not printed.',
  name: 'comment.line.synopsis.fountain',
  begin: r`^[ \t]*(=)(?!=)`,
  beginCaptures: { 1: { name: 'punctuation.definition.comment.fountain' } },
  end: '$',
  patterns: [ref('note'), ref('boneyard')],
};

const section: Rule = {
  comment: 'Sections are # lines at any depth. A #1# scene number only ever ends a scene heading, which is matched before this.',
  name: 'markup.heading.section.fountain',
  begin: r`^[ \t]*(#+)[ \t]*`,
  beginCaptures: { 1: { name: 'punctuation.definition.heading.fountain' } },
  end: '$',
  contentName: 'entity.name.section.fountain',
  patterns: [ref('inline')],
};

const centered: Rule = {
  comment: '> text < is centered; a > without the closing < is a transition. The text is bold too: few themes colour markup.quote, and centered lines are title cards.',
  name: 'markup.quote.centered.fountain',
  contentName: 'markup.bold.centered.fountain',
  begin: r`^[ \t]*(>)(?=[^\n]*<[ \t]*$)`,
  beginCaptures: { 1: { name: 'punctuation.definition.centered.begin.fountain' } },
  end: r`(<)[ \t]*$`,
  endCaptures: { 1: { name: 'punctuation.definition.centered.end.fountain' } },
  patterns: [ref('inline')],
};

const lyrics: Rule = {
  comment: 'A line starting with ~ is a lyric, in action and in dialogue alike.',
  name: 'markup.italic.lyrics.fountain',
  begin: r`^[ \t]*(~)`,
  beginCaptures: { 1: { name: 'punctuation.definition.lyrics.fountain' } },
  end: '$',
  patterns: [ref('inline')],
};

const actionLine: Rule = {
  comment: 'Any other non-blank line of a paragraph is action; a leading ! forces it (for all-caps lines that would read as cues).',
  name: 'meta.paragraph.action.fountain',
  begin: r`^(?=[ \t]*\S)(?:[ \t]*(!))?`,
  beginCaptures: { 1: { name: 'punctuation.definition.forced-action.fountain' } },
  end: '$',
  patterns: [ref('inline')],
};

const paragraphLines: Rule = {
  patterns: [ref('page-break'), ref('synopsis'), ref('section'), ref('centered'), ref('lyrics'), ref('action-line')],
};

// ---------------------------------------------------------------------------------------------
// Blocks: each starts on the first line after a blank line and ends before the next blank line.

const titlePage: Rule = {
  comment: 'Key: value pairs, only at the very top of the file (\\A), up to the first blank line. Indented lines continue the value above.',
  name: 'meta.title-page.fountain',
  begin: r`\A(?=[ \t]*${TITLE_PAGE_KEY}[ \t]*:)`,
  end: BLANK_LINE_AHEAD,
  patterns: [
    {
      name: 'meta.title-page.continuation.fountain',
      begin: r`^(?:\t|[ ]{3,})[ \t]*`,
      end: '$',
      contentName: 'string.unquoted.title-page.value.fountain',
      patterns: [ref('inline')],
    },
    {
      begin: r`^[ \t]*([\p{L}\p{N}][^:\n]*?)[ \t]*(:)[ \t]*`,
      beginCaptures: {
        1: { name: 'keyword.other.title-page.key.fountain' },
        2: { name: 'punctuation.separator.key-value.fountain' },
      },
      end: '$',
      contentName: 'string.unquoted.title-page.value.fountain',
      patterns: [ref('inline')],
    },
    ref('inline'),
  ],
};

const sceneHeadingBlock: Rule = {
  comment: 'A scene heading starts its block; lines after it without a blank line between are action.',
  begin: r`^(?=[ \t]*(?:${SCENE_HEADING_PREFIX}|${FORCED_SCENE_HEADING}))`,
  end: BLANK_LINE_AHEAD,
  patterns: [
    {
      name: 'markup.heading.scene.fountain',
      begin: r`\G[ \t]*(?:(\.)|(${SCENE_HEADING_PREFIX}))[ \t]*`,
      beginCaptures: {
        1: { name: 'punctuation.definition.forced-scene-heading.fountain' },
        2: { name: 'keyword.other.scene-heading.fountain' },
      },
      end: '$',
      contentName: 'entity.name.section.scene.fountain',
      patterns: [
        {
          comment: 'Scene number: #1#, #1A#, #I-1-A#, #110A.2# at the end of the heading.',
          name: 'constant.numeric.scene-number.fountain',
          match: r`(#)[\p{L}\p{N}.\-]+(#)(?=[ \t]*$)`,
          captures: {
            1: { name: 'punctuation.definition.scene-number.begin.fountain' },
            2: { name: 'punctuation.definition.scene-number.end.fountain' },
          },
        },
        ref('inline'),
      ],
    },
    ref('paragraph-lines'),
  ],
};

const transitionBlock: Rule = {
  begin: r`^(?=[ \t]*${TRANSITION_LINE})`,
  end: BLANK_LINE_AHEAD,
  patterns: [
    {
      match: r`\G[ \t]*(?:(>)[ \t]*([^\n]*?)|([^\n]*?))[ \t]*$`,
      captures: {
        1: { name: 'punctuation.definition.forced-transition.fountain' },
        2: { name: 'keyword.other.transition.fountain' },
        3: { name: 'keyword.other.transition.fountain' },
      },
    },
    ref('paragraph-lines'),
  ],
};

const dialogueBlock: Rule = {
  comment: 'A character cue, then dialogue, parentheticals and lyrics up to the next blank line.',
  name: 'meta.dialogue.fountain',
  begin: r`^(?=[ \t]*${CUE_LINE})`,
  end: BLANK_LINE_AHEAD,
  patterns: [
    {
      match: r`\G[ \t]*(@)?([^(^\n]*?)[ \t]*((?:\([^)\n]*\)[ \t]*)*?)(\^)?[ \t]*(${TRAILING_NOTES})$`,
      captures: {
        1: { name: 'punctuation.definition.forced-character.fountain' },
        2: { name: 'entity.name.type.character.fountain' },
        3: { name: 'storage.modifier.character-extension.fountain' },
        4: { name: 'keyword.operator.dual-dialogue.fountain' },
        5: { patterns: [ref('note')] },
      },
    },
    {
      name: 'variable.parameter.parenthetical.fountain',
      begin: r`^[ \t]*(\()(?=[^\n]*\)[ \t]*$)`,
      beginCaptures: { 1: { name: 'punctuation.definition.parenthetical.begin.fountain' } },
      end: r`(\))[ \t]*$`,
      endCaptures: { 1: { name: 'punctuation.definition.parenthetical.end.fountain' } },
      patterns: [ref('note'), ref('boneyard')],
    },
    ref('lyrics'),
    {
      name: 'string.unquoted.dialogue.fountain',
      begin: r`^(?=[ \t]*\S)`,
      end: '$',
      patterns: [ref('inline')],
    },
  ],
};

const paragraphBlock: Rule = {
  comment: 'Everything else: action, sections, synopses, centered text, page breaks, lyrics, and lines that are only notes or boneyard.',
  begin: r`^(?=[ \t]*\S)`,
  end: BLANK_LINE_AHEAD,
  patterns: [ref('paragraph-lines')],
};

export const fountainGrammar: Grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Fountain',
  scopeName: 'text.fountain',
  comment: 'Generated by syntaxes/src/build.ts from syntaxes/src/fountainGrammar.ts: edit the source, then run npm run build:grammars.',
  fileTypes: ['fountain', 'spmd'],
  patterns: [
    ref('title-page'),
    ref('scene-heading-block'),
    ref('transition-block'),
    ref('dialogue-block'),
    ref('paragraph-block'),
  ],
  repository: {
    'title-page': titlePage,
    'scene-heading-block': sceneHeadingBlock,
    'transition-block': transitionBlock,
    'dialogue-block': dialogueBlock,
    'paragraph-block': paragraphBlock,
    'paragraph-lines': paragraphLines,
    'page-break': pageBreak,
    synopsis,
    section,
    centered,
    lyrics,
    'action-line': actionLine,
    inline,
    note,
    boneyard,
    escape,
  },
};
