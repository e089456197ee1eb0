// The names a production's config file may have, and the format of each. One folder should hold
// one of them; when it holds more, the first in this list applies and the others are ignored
// (with a warning on each), so JSON, the format the project started with, wins.
export const CONFIG_FILE_NAMES = ['.genai-review.json', '.genai-review.yaml', '.genai-review.yml'] as const;

export type ConfigFileName = (typeof CONFIG_FILE_NAMES)[number];
export type ConfigFormat = 'json' | 'yaml';

/** Whether a file's name (not its path) is one of the config file names. */
export function isConfigFileName(name: string): name is ConfigFileName {
  return (CONFIG_FILE_NAMES as readonly string[]).includes(name);
}

export function configFormatOf(name: ConfigFileName): ConfigFormat {
  return name.endsWith('.json') ? 'json' : 'yaml';
}
