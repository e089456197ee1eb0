// Photoreal material an audience could take for a record of real people, places or events.
// In a documentary production any generated picture, footage or voice counts.
import data from './documentary-imagery.json';
import { compilePattern } from '../nlp/patterns';
import { LEXICON } from '../classify/entities';
import { matchTriggers, patternRule, type RuleData } from './rule';

// In a documentary, generated pictures, footage and voices stand beside real archival: any of
// them can be taken as real.
const documentaryOutputs = [compilePattern('@record|voice|voices|face|faces|narration|portrait|portraits|scene|scenes|shot|shots|likeness', { ...LEXICON, record: data.lists.record })];

export default patternRule(data as RuleData, (input) =>
  input.context.productionType === 'documentary' ? matchTriggers(input, documentaryOutputs) : [],
);
