// An injection grammar that marks what a reader of production notes scans for: where a note says
// a generative-AI tool is used, where it cites a written approval, and where it only says one is
// pending. It colours on top of whatever grammar owns the file (Fountain notes, Markdown, plain
// text); what a note *means* is the language server's job, this only makes the words stand out.
// `npm run build:grammars` writes it to syntaxes/genai-annotations.injection.tmLanguage.json.

import { type Grammar, type Rule, ref } from './textmate';

const r = String.raw;

/**
 * Where a marker may stand: at the start of a line, of a Fountain note (after `[[`), of a list
 * item, quote or table cell (after `- `, `* `, `+ `, `• `, `> `, `| `, `1. `, `1) `, `[ ] `), after
 * a dash that opens a clause ("Sc 7 — GenAI: ..."), or where the host
 * grammar's last rule began (\G: the start of a Markdown list item's text). Not in mid-sentence:
 * "the AI: a character" in prose is story, not a note.
 */
const MARKER_POSITION = r`(?:^|\G|(?<=\[\[)|(?<=[-*+•>|–—][ \t])|(?<=\d[.)][ \t])|(?<=\][ \t]))[ \t]*`;

/** GenAI, Gen AI, Gen-AI, AI (any case), then a colon, or a spaced dash: "GenAI - voice..." */
const AI_USE_MARKER = r`((?i:gen[ -]?ai|ai))(?:[ \t]*(:)|[ \t]+([-–—])(?=[ \t]))`;

/** Words that name an approval: "Approval", "Approved", "written approval", "sign-off". */
const APPROVAL_WORD = r`(?i:(?:written[ \t]+)?approval|approved|sign[- ]?off|signed[ \t]+off)`;

/** What stands where a reference should but is none yet: "pending", "TBD", "?". Not "n/a" or
 * "none needed": for a low-risk use that is a correct answer, not a missing approval. */
const NOT_A_REFERENCE = r`(?i:pending|tbd|tba|tbc|not[ \t]+yet|requested|to[ \t]+follow|to[ \t]+come|awaiting|in[ \t]+progress|missing|unknown)(?![\p{L}\p{N}])|\?+`;

/** A reference after a colon: a token that starts with a capital or a digit, as ids and names
 * do ("Approved: X", "Approval: NFX-GAI-0142", "Approved: Legal 2025-03-01"); "Approved: by
 * the studio" names none. */
const REFERENCE_TOKEN = r`(?=[\p{Lu}\p{N}])[\p{L}\p{N}]+(?:[-_/.#][\p{L}\p{N}]+)*`;

/** A reference without a colon must look like an id: capitals and digits joined by dashes
 * ("LEGAL-2291", "NFX-GAI-0142"), so that "written approval from the studio" is not one. */
const REFERENCE_ID = r`(?=[\p{Lu}\p{N}]*[-_/.#])(?=[^\s]*\d)[\p{Lu}\p{N}]+(?:[-_/.#][\p{Lu}\p{N}]+)+`;

const aiUseMarker: Rule = {
  name: 'meta.ai-use-marker.genai',
  match: r`${MARKER_POSITION}${AI_USE_MARKER}`,
  captures: {
    1: { name: 'keyword.control.ai-use.genai' },
    2: { name: 'punctuation.separator.key-value.genai' },
    3: { name: 'punctuation.separator.dash.genai' },
  },
};

const pendingApproval: Rule = {
  comment: 'Listed before approval-reference: "Approval: pending" must not read as a reference named "pending".',
  patterns: [
    {
      name: 'meta.approval-pending.genai',
      match: r`(?<![\p{L}\p{N}])(${APPROVAL_WORD}(?:[ \t]+(?i:ref(?:erence)?|status|no\.?|number|id))?)(?:[ \t]*([:#]|[-–—])|[ \t]+(?i:is))?[ \t]*(${NOT_A_REFERENCE})`,
      captures: {
        1: { name: 'keyword.other.approval.genai' },
        2: { name: 'punctuation.separator.key-value.genai' },
        3: { name: 'markup.deleted.approval-pending.genai' },
      },
    },
    {
      name: 'markup.deleted.approval-pending.genai',
      match: r`(?<![\p{L}\p{N}])(?i:awaiting(?:[ \t]+(?:written|legal|studio))?[ \t]+(?:approval|sign[- ]?off)|pending[ \t]+(?:written[ \t]+)?(?:approval|sign[- ]?off)|needs?[ \t]+(?:(?:written|legal|studio)[ \t]+)?(?:approval|sign[- ]?off)|not[ \t]+(?:yet[ \t]+)?approved|unapproved)(?![\p{L}\p{N}])`,
    },
  ],
};

const approvalReference: Rule = {
  patterns: [
    {
      name: 'meta.approval-reference.genai',
      match: r`(?<![\p{L}\p{N}])(${APPROVAL_WORD}(?:[ \t]+(?i:ref(?:erence)?|no\.?|number|id))?)[ \t]*([:#])[ \t]*(${REFERENCE_TOKEN})`,
      captures: {
        1: { name: 'keyword.other.approval.genai' },
        2: { name: 'punctuation.separator.key-value.genai' },
        3: { name: 'markup.inserted.approval-reference.genai' },
      },
    },
    {
      name: 'meta.approval-reference.genai',
      match: r`(?<![\p{L}\p{N}])(${APPROVAL_WORD}(?:[ \t]+(?i:ref(?:erence)?|no\.?|number|id))?|(?i:approval[ \t]+ref(?:erence)?))[ \t]+(${REFERENCE_ID})(?![\p{L}\p{N}])`,
      captures: {
        1: { name: 'keyword.other.approval.genai' },
        2: { name: 'markup.inserted.approval-reference.genai' },
      },
    },
  ],
};

/**
 * Where the injection applies. Fountain: inside notes only (action and dialogue are story, where
 * "AI:" is a character's line), in this extension's grammar and in Better Fountain's
 * (`text.source.fountain`), whichever the editor picked. Markdown: anywhere but code. Without the
 * `L:` prefix Markdown's own block rules win a tie at the start of a line, so headings, lists and
 * paragraphs begin as usual and the markers are found inside them.
 */
export const GENAI_INJECTION_SELECTOR = [
  'L:text.fountain comment.block.note',
  'L:text.source.fountain comment.block',
  'text.html.markdown - (markup.fenced_code, markup.raw, markup.inline.raw, meta.embedded)',
  'L:text.plain',
].join(', ');

export const genaiAnnotationsGrammar: Grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'GenAI annotations',
  scopeName: 'genai.annotations.injection',
  comment: 'Generated by syntaxes/src/build.ts from syntaxes/src/genaiAnnotationsGrammar.ts: edit the source, then run npm run build:grammars.',
  injectionSelector: GENAI_INJECTION_SELECTOR,
  patterns: [ref('pending-approval'), ref('approval-reference'), ref('ai-use-marker')],
  repository: {
    'pending-approval': pendingApproval,
    'approval-reference': approvalReference,
    'ai-use-marker': aiUseMarker,
  },
};

/** VS Code gives plain text no grammar at all, and an injection needs a host grammar to inject
 * into: this empty one, for the `plaintext` language, is that host. */
export const plainTextGrammar: Grammar = {
  name: 'Plain Text',
  scopeName: 'text.plain',
  comment: 'Generated by syntaxes/src/build.ts. Empty on purpose: it exists so that the GenAI annotation injection has a grammar to inject into.',
  patterns: [],
};
