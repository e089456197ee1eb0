// Text with fields to fill in, rendered either as plain text or as an LSP/TextMate snippet
// whose fields are tab stops. One template gives both, so the two can never drift apart.

export type TemplatePart = string | { field: string };

export type Template = TemplatePart[];

export function field(value: string): TemplatePart {
  return { field: value };
}

export function plainText(template: Template): string {
  return template.map((p) => (typeof p === 'string' ? p : p.field)).join('');
}

/** Snippet syntax: literal `$`, `}` and `\` escaped; fields become `${n:value}`, then `$0`. */
export function snippetText(template: Template): string {
  let n = 0;
  const escape = (s: string) => s.replace(/[\\$}]/g, (c) => `\\${c}`);
  const body = template.map((p) => (typeof p === 'string' ? escape(p) : `\${${++n}:${escape(p.field)}}`)).join('');
  return `${body}$0`;
}
