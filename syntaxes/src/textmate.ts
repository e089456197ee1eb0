// The subset of the TextMate grammar format these grammars use, typed so that a misspelt key
// (`beginCapture`, `patterns` on a match rule's capture...) fails the typecheck instead of being
// silently ignored by the editor.

export interface Capture {
  name?: string;
  patterns?: Rule[];
}

export type Captures = Record<string, Capture>;

export interface Rule {
  comment?: string;
  name?: string;
  contentName?: string;
  match?: string;
  begin?: string;
  end?: string;
  captures?: Captures;
  beginCaptures?: Captures;
  endCaptures?: Captures;
  include?: string;
  patterns?: Rule[];
  applyEndPatternLast?: boolean;
}

export interface Grammar {
  $schema?: string;
  name: string;
  scopeName: string;
  comment?: string;
  fileTypes?: string[];
  injectionSelector?: string;
  patterns: Rule[];
  repository?: Record<string, Rule>;
}

/** `{ include: '#name' }`, so repository references read as what they are. */
export function ref(name: string): Rule {
  return { include: `#${name}` };
}
