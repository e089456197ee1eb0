// Photoreal material an audience could take for a record of real people, places or events.
// In a documentary production any generated picture, footage or voice counts.
import data from './documentary-imagery.json';
import { compilePattern } from '../nlp/patterns';
import { LEXICON } from '../classify/entities';
import { matchTriggers, patternRule, type RuleData } from './rule';

// In a documentary, generated pictures, footage, people and places stand beside real archival:
// any of them can be taken as real. Generation must reach them ("AI mourners", "generate a
// portrait"); a photo used only as input is not imagery on screen.
const lists = { ...LEXICON, docOutput: data.lists.docOutput };
const documentaryOutputs = [
  compilePattern('@generate|@generativeVerb|$ai|$tool|$technique|synthetic|photoreal|photorealistic|photo-real ..3 @docOutput', lists),
  compilePattern('@docOutput ...4 generated|synthesized|synthesised|made|built|created|reconstructed|recreated|regenerated|ai-generated|ai-made|outpainted', lists),
  compilePattern('photoreal|photorealistic|photo-real', lists),
];

export default patternRule(data as RuleData, (input) =>
  input.context.productionType === 'documentary' ? matchTriggers(input, documentaryOutputs) : [],
);
