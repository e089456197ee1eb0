// Writes the settings of package.json (`contributes.configuration`) from the rule catalog and
// the config defaults. Run after changing a rule or a default: `npx tsx scripts/generate-settings.ts`.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { settingsContribution } from '../server/src/lsp/settingsSchema';

const file = path.resolve(__dirname, '..', 'package.json');
const manifest = JSON.parse(readFileSync(file, 'utf8')) as { contributes?: Record<string, unknown> };
manifest.contributes = { ...(manifest.contributes ?? {}), configuration: settingsContribution() };
writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`Wrote ${Object.keys(settingsContribution().properties as object).length} settings to package.json`);
