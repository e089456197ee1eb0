// One character may be cued as "MARISOL", "MARISOL (V.O.)", "Marisol (cont'd)", "@McCLANE" or
// "BRICK ^". Every format reduces a cue to the same canonical name so counts add up.

export interface CueParts {
  /** Upper case, whitespace collapsed, no extension, no `@` or `^`. */
  name: string;
  /** Everything from the first parenthesis on, as written (`(V.O.) (CONT'D)`), if any. */
  extension?: string;
  /** The cue ended with `^`: the second speaker of dual dialogue. */
  dual: boolean;
  /** The cue started with `@`. */
  forced: boolean;
}

export function splitCue(cue: string): CueParts {
  let text = cue.trim();
  const forced = text.charCodeAt(0) === 64; /* @ */
  if (forced) text = text.slice(1).trimStart();
  const dual = text.endsWith('^');
  if (dual) text = text.slice(0, -1).trimEnd();
  const paren = text.indexOf('(');
  let extension: string | undefined;
  if (paren >= 0) {
    extension = text.slice(paren).trim();
    text = text.slice(0, paren);
  }
  const name = text.replace(/\s+/g, ' ').trim().toUpperCase();
  return extension ? { name, extension, dual, forced } : { name, dual, forced };
}

export function canonicalCharacterName(cue: string): string {
  return splitCue(cue).name;
}
