// Photoreal material an audience could take for a record of real people, places or events.
// In a documentary production any generated picture, footage or voice counts.
import data from './documentary-imagery.json';
import { compilePattern } from '../nlp/patterns';
import { LEXICON } from '../classify/entities';
import { keepTriggers, matchTriggers, patternRule, type RuleData } from './rule';

// In a documentary, generated pictures, footage, people and places stand beside real archival:
// any of them can be taken as real. Generation must reach them ("AI mourners", "generate a
// portrait"); a photo used only as input is not imagery on screen.
const lists = { ...LEXICON, docOutput: data.lists.docOutput };
const documentaryOutputs = [
  compilePattern('@generate|@generativeVerb|$ai|$tool|$technique|synthetic|photoreal|photorealistic|photo-real ..3 @docOutput', lists),
  compilePattern('@docOutput ...4 generated|synthesized|synthesised|made|built|created|reconstructed|recreated|regenerated|ai-generated|ai-made|outpainted', lists),
  compilePattern('photoreal|photorealistic|photo-real', lists),
  // The voice or face of someone the documentary is about, regenerated, passes for their own.
  compilePattern('$char ..1 voice|voices|face|faces|words|answers|lines|singing|vocal|vocals|sentences', lists),
  compilePattern('younger|older|teenage|young ..1 $char', lists),
  compilePattern('@generate|@generativeVerb|$ai|$tool ..2 his|her|their ..1 voice|voices|vocal|vocals|singing', lists),
  compilePattern('$person ..2 voice|voices|vocal|vocals|singing', lists),
  // The story's own things (the car, the ledger, the place) made for a film about real events.
  compilePattern('$element|$setting', lists),
];

const rule = patternRule(data as RuleData, (input) => (input.context.productionType === 'documentary' ? matchTriggers(input, documentaryOutputs) : []));

// "the real mask is hand-beaten silver": "real" before a thing of the story itself (its key
// element, setting or a character) contrasts with the generated one, it is no real-world record.
export default keepTriggers(rule, (input) => {
  const tokens = input.text.tokens;
  const story = [...(input.entities.element ?? []), ...(input.entities.setting ?? []), ...(input.entities.char ?? []), ...(input.entities.minor ?? [])];
  return (_t, i) => {
    if (i < 0 || !/^(real|actual|genuine|true)$/.test(tokens[i].norm)) return true;
    return !story.some((m) => m.first > i && m.first <= i + 2);
  };
});
