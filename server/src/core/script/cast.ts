// Who is a main character and which settings are central, from the screenplay's own numbers,
// unless the production's config names them. A one-line part (BUS DRIVER) is never main; a
// place seen once is never central.
import type { CharacterRef, SettingRef } from '../classify/context';
import type { CharacterStats, LocationStats, ScriptFacts } from '../types';

export interface CastOverrides {
  mainCharacters?: readonly string[];
  centralSettings?: readonly string[];
}

export interface ScriptCast {
  main: CharacterRef[];
  minor: string[];
  settings: SettingRef[];
  elements: SettingRef[];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Main: speaks at least 3 times, in at least 2 scenes (when the script has 2), and carries a
 * real share of the dialogue: 8% of all speeches, or at least a third of the top speaker's.
 */
export function isMainCharacter(c: CharacterStats, facts: ScriptFacts): boolean {
  const total = facts.characters.reduce((sum, x) => sum + x.speeches, 0);
  const top = facts.characters[0]?.speeches ?? 0;
  const sceneCount = facts.scenes.length;
  if (c.speeches < 3) return false;
  if (c.scenes < Math.min(2, Math.max(1, sceneCount))) return false;
  return c.speeches >= 0.08 * total || c.speeches >= top / 3;
}

/** Central: set in at least 2 scenes and in 10% of them, or among the three most used places with 3 or more. */
export function isCentralSetting(l: LocationStats, facts: ScriptFacts, rank: number): boolean {
  const sceneCount = Math.max(1, facts.scenes.length);
  if (l.scenes < 2) return false;
  return l.scenes / sceneCount >= 0.1 || (rank < 3 && l.scenes >= 3);
}

export function scriptCast(facts: ScriptFacts | undefined, path: string | undefined, overrides: CastOverrides = {}): ScriptCast {
  const characters = facts?.characters ?? [];
  const location = (span: { start: number; end: number }) => ({ path, span });
  let main: CharacterRef[];
  if (overrides.mainCharacters && overrides.mainCharacters.length > 0) {
    main = overrides.mainCharacters.map((name) => {
      const upper = name.trim().toUpperCase();
      const stats = characters.find((c) => c.name === upper);
      return { name: upper, reason: 'named as a main character in the production config', ...(stats ? { location: location(stats.firstCue) } : {}) };
    });
  } else {
    main = characters
      .filter((c) => facts && isMainCharacter(c, facts))
      .map((c) => ({ name: c.name, reason: `speaks ${plural(c.speeches, 'time')} in ${plural(c.scenes, 'scene')}`, location: location(c.firstCue) }));
  }
  const mainNames = new Set(main.map((c) => c.name));
  const minor = characters.map((c) => c.name).filter((name) => !mainNames.has(name));

  let settings: SettingRef[];
  if (overrides.centralSettings && overrides.centralSettings.length > 0) {
    settings = overrides.centralSettings.map((name) => {
      const upper = name.trim().toUpperCase();
      const stats = facts?.locations.find((l) => l.name === upper);
      return { name: upper, reason: 'named as a central setting in the production config', ...(stats ? { location: location(stats.firstHeading) } : {}) };
    });
  } else {
    settings = (facts?.locations ?? [])
      .filter((l, rank) => facts && isCentralSetting(l, facts, rank))
      .map((l) => ({ name: l.name, reason: `the setting of ${plural(l.scenes, 'scene')}`, location: location(l.firstHeading) }));
  }
  const elements = (facts?.elements ?? []).map((e) => ({ name: e.name, reason: `introduced in capitals and back in ${plural(e.scenes, 'scene')}`, location: location(e.firstMention) }));
  return { main, minor, settings, elements };
}
