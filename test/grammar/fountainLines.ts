// A careful, whole-document reading of which Fountain element each line is, written straight
// from the spec (https://fountain.io/syntax) and independent of the grammar: it looks at the
// line before *and after*, which a TextMate grammar cannot. The corpus test holds the grammar
// to it.

export type Element =
  | 'blank'
  | 'title-page'
  | 'scene-heading'
  | 'character'
  | 'parenthetical'
  | 'dialogue'
  | 'transition'
  | 'centered'
  | 'section'
  | 'synopsis'
  | 'page-break'
  | 'lyrics'
  | 'boneyard'
  | 'action';

export interface ClassifiedLine {
  text: string;
  element: Element;
  /** An all-caps line between blank lines: action by the spec (no dialogue follows), but only
   * the next line says so, which a line-at-a-time grammar never sees. */
  lonelyCapsLine: boolean;
}

const titlePageKey = /^(title|credit|author|authors|source|draft date|date|contact|copyright|notes|revision)\s*:/i;
const sceneHeading = /^\s*(\.(?=[\p{L}\p{N}])|(int|ext|est|int\.?\/ext|i\/e)[. ])/iu;

function isBlank(line: string): boolean {
  return line !== '  ' && line.trim() === '';
}

function hasLowercase(text: string): boolean {
  return /\p{Ll}/u.test(text);
}

/** Uppercase name (extensions in parentheses may be lowercase), optional ^ for dual dialogue. */
function looksLikeCharacter(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.startsWith('@')) return true;
  if (/^[!~=#>.[]|^\/\*/.test(trimmed)) return false;
  const name = trimmed.replace(/\^$/, '').replace(/(\s*\([^)]*\))+\s*$/, '').trim();
  return name !== '' && !hasLowercase(name) && /\p{Lu}/u.test(name) && !name.includes(':');
}

function looksLikeTransition(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.startsWith('>')) return !trimmed.endsWith('<');
  return !hasLowercase(trimmed) && trimmed.endsWith('TO:') && !/^[!@~=#.]/.test(trimmed);
}

/** For each line, whether it starts inside a /* boneyard *\/ opened on an earlier line. */
function startsInBoneyard(lines: string[]): boolean[] {
  let open = false;
  return lines.map((line) => {
    const startsOpen = open;
    for (const [, token] of line.matchAll(/(\/\*|\*\/)/g)) open = token === '/*';
    return startsOpen;
  });
}

export function classifyFountainLines(text: string): ClassifiedLine[] {
  const lines = text.split(/\r\n|\r|\n/);
  const inBoneyard = startsInBoneyard(lines);
  const result: ClassifiedLine[] = [];
  let inTitlePage = lines.length > 0 && titlePageKey.test(lines[0] ?? '');
  let inDialogue = false;

  lines.forEach((line, i) => {
    const previousBlank = i === 0 || isBlank(lines[i - 1] ?? '');
    const nextBlank = i + 1 >= lines.length || isBlank(lines[i + 1] ?? '');
    const trimmed = line.trim();
    const push = (element: Element, lonelyCapsLine = false) => result.push({ text: line, element, lonelyCapsLine });

    if (isBlank(line)) {
      inTitlePage = false;
      inDialogue = false;
      return push('blank');
    }
    if (inBoneyard[i]) return push('boneyard');
    if (inTitlePage) return push('title-page');
    if (inDialogue) {
      if (/^\(.*\)$/.test(trimmed)) return push('parenthetical');
      if (trimmed.startsWith('~')) return push('lyrics');
      return push('dialogue');
    }
    if (/^={3,}$/.test(trimmed)) return push('page-break');
    if (/^=(?!=)/.test(trimmed)) return push('synopsis');
    if (trimmed.startsWith('#')) return push('section');
    if (/^>.*<$/.test(trimmed)) return push('centered');
    if (trimmed.startsWith('~')) return push('lyrics');
    if (previousBlank && sceneHeading.test(line)) return push('scene-heading');
    if (previousBlank && looksLikeTransition(line)) return push('transition');
    if (previousBlank && looksLikeCharacter(line)) {
      if (!nextBlank) {
        inDialogue = true;
        return push('character');
      }
      return push('action', true);
    }
    return push('action');
  });
  return result;
}
