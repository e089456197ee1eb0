// Folding ranges of a screenplay: sections and scenes (which a language configuration cannot
// describe, having no end marker), the title page, and multi-line notes and boneyard.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import { fountainOutline } from '../core/script/outline';
import type { LineIndex } from '../core/text/lineIndex';

export function foldingRangesOf(text: string, index: LineIndex): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const range of fountainOutline(text)) {
    const startLine = index.positionAt(range.span.start).line;
    const endLine = index.positionAt(range.span.end).line;
    if (endLine <= startLine) continue;
    const folding: FoldingRange = { startLine, endLine };
    if (range.kind === 'note') folding.kind = FoldingRangeKind.Comment;
    if (range.kind === 'title-page') folding.kind = FoldingRangeKind.Imports;
    ranges.push(folding);
  }
  return ranges;
}
