// The `contributes.configuration` of package.json, generated from the rule catalog and the
// config defaults so settings cannot drift from the code (scripts/generate-settings.ts writes
// it; test/unit/settingsSchema.test.ts fails when package.json is stale).
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, defaultConfig } from '../core/config/config';
import { RULES } from '../core/rules/catalog';
import { SETTINGS_SECTION } from '../protocol';

type Schema = Record<string, unknown>;

const OVERRIDE_NOTE = 'A `.genai-review.json` (or `.yaml`) in the production folder overrides this setting.';

const SEVERITY_ENUM = ['error', 'warning', 'information', 'hint', 'off'];
const SEVERITY_DESCRIPTIONS = ['Error', 'Warning', 'Information', 'Hint', 'Not reported'];

function severitySetting(markdownDescription: string, defaultValue: string, order: number): Schema {
  return { type: 'string', enum: SEVERITY_ENUM, enumDescriptions: SEVERITY_DESCRIPTIONS, default: defaultValue, markdownDescription, order };
}

function stringList(markdownDescription: string, defaultValue: readonly string[], order: number): Schema {
  return { type: 'array', items: { type: 'string' }, default: [...defaultValue], markdownDescription, order };
}

export function settingsContribution(): Schema {
  const d = defaultConfig();
  const key = (name: string) => `${SETTINGS_SECTION}.${name}`;
  const properties: Record<string, Schema> = {};
  let order = 0;

  properties[key('productionTitle')] = {
    type: 'string',
    default: '',
    markdownDescription: 'Title of the production in the disclosure summary. Empty: the title page of the screenplay.',
    order: order++,
  };
  properties[key('productionType')] = {
    type: 'string',
    enum: ['scripted', 'documentary'],
    enumDescriptions: ['Scripted fiction', 'Documentary: photoreal material an audience could take as real needs written approval'],
    default: d.productionType,
    markdownDescription: 'What kind of production this is.',
    order: order++,
  };
  properties[key('mainCharacters')] = stringList(
    'Main characters, replacing those found in the screenplay (from how much each speaks and in how many scenes). Names as in character cues, e.g. `MARISOL`.',
    d.mainCharacters,
    order++,
  );
  properties[key('centralSettings')] = stringList(
    'Settings central to the story, replacing those found from recurring scene headings, e.g. `LIGHTHOUSE`.',
    d.centralSettings,
    order++,
  );
  properties[key('cast')] = {
    type: 'array',
    items: {
      anyOf: [
        { type: 'string', description: 'A real person: performer or other.' },
        {
          type: 'object',
          properties: { name: { type: 'string', description: 'The real person.' }, role: { type: 'string', description: 'The character they play, as in character cues.' } },
          required: ['name'],
          additionalProperties: false,
        },
      ],
    },
    default: [],
    markdownDescription: 'Real people in the production (performers and others), with the characters they play: a note naming one of them is about a real person\'s likeness. E.g. `[{ "name": "Ana Prieto", "role": "MARISOL" }]`.',
    order: order++,
  };
  properties[key('markers')] = stringList('Words that open an AI-use note, e.g. `GenAI:` in `[[GenAI: de-age Ana for the flashback]]`.', d.markers, order++);
  properties[key('approvalPattern')] = {
    type: 'string',
    default: '',
    markdownDescription:
      'A regular expression that finds a written-approval reference in a note; its first capture group is the reference. Empty: the built-in pattern (`Approval: NFX-GAI-0142`, `approved: …`, `written approval LEGAL-2291`). "pending", "TBD" and the like are never references.',
    order: order++,
  };
  for (const rule of [...RULES].sort((a, b) => a.id.localeCompare(b.id))) {
    properties[key(`severity.${rule.id}`)] = severitySetting(
      `Severity of a note that implies ${rule.implies} and cites no written approval (${rule.title}; approval area: ${rule.approvalArea}). \`off\`: not reported as this category.`,
      rule.defaultSeverity,
      order++,
    );
  }
  properties[key('severity.approved')] = severitySetting('Severity of an AI use that cites its written approval.', 'information', order++);
  properties[key('severity.disclose')] = severitySetting('Severity of a low-risk AI use (mood board, previs, temp…) to disclose to the studio contact.', 'information', order++);
  properties[key('include')] = stringList('Which files are screenplays and production notes (globs relative to the workspace folder).', DEFAULT_INCLUDE, order++);
  properties[key('exclude')] = stringList('Files never read, even when `include` matches them (globs relative to the workspace folder).', DEFAULT_EXCLUDE, order++);
  properties[key('clearedTools')] = stringList(
    'Generative tools the production has cleared for enterprise use (no storage or training on production material), e.g. `Firefly`.',
    d.clearedTools,
    order++,
  );
  properties[key('maxFileSizeBytes')] = {
    type: 'integer',
    minimum: 1,
    default: d.maxFileSizeBytes,
    markdownDescription: 'Files larger than this are skipped, with a message in the output.',
    order: order++,
  };
  properties[key('trace.server')] = {
    type: 'string',
    enum: ['off', 'messages', 'verbose'],
    default: 'off',
    markdownDescription: 'Traces the messages between VS Code and the GenAI Review language server in the output.',
    scope: 'window',
    order: order++,
  };
  // The production's own file wins over the editor's settings: say so where it applies.
  for (const [name, schema] of Object.entries(properties)) {
    if (name !== key('trace.server')) schema.markdownDescription = `${schema.markdownDescription as string} ${OVERRIDE_NOTE}`;
  }
  return {
    title: 'GenAI Script Review',
    properties,
  };
}
