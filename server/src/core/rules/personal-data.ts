// Personal data of cast, crew or other real people going into a generative tool.
import data from './personal-data.json';
import { patternRule, type RuleData } from './rule';

export default patternRule(data as RuleData);
