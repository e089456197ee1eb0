// `text.indexOf(needle, from)` for callers that search forward through a text: the last hit is
// remembered, so many searches from increasing offsets cost one pass in total, not one each.

export class CachedIndexOf {
  private hit = -2;
  private searchedFrom = -1;

  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  from(offset: number): number {
    // A hit at or after `offset`, found by a search that started at or before it, is still the
    // first one; "none" found from an earlier offset stays "none".
    if (offset >= this.searchedFrom && (this.hit >= offset || this.hit === -1)) return this.hit;
    this.searchedFrom = offset;
    this.hit = this.text.indexOf(this.needle, offset);
    return this.hit;
  }
}
