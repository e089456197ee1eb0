// Document URIs and the absolute posix paths core/workspace works with. A file URI maps to its
// path; a document that is not a file (an untitled editor) gets a path of its own under a
// folder no real file can be in, with the extension its language implies, so the review can
// read it as what it is.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const EXTENSION_BY_LANGUAGE: Record<string, string> = { fountain: '.fountain', markdown: '.md', plaintext: '.txt', json: '.json' };
const VIRTUAL_ROOT = '/\u0000genai-review-virtual';

export class UriMap {
  private readonly virtualToUri = new Map<string, string>();
  private readonly uriToVirtual = new Map<string, string>();

  /** The path of a document; `languageId` names the kind of a document that is not a file. */
  toPath(uri: string, languageId?: string): string | undefined {
    if (uri.startsWith('file:')) {
      try {
        return path.resolve(fileURLToPath(uri)).split(path.sep).join('/');
      } catch {
        return undefined;
      }
    }
    const known = this.uriToVirtual.get(uri);
    if (known) return known;
    const extension = languageId ? EXTENSION_BY_LANGUAGE[languageId] : undefined;
    if (!extension) return undefined;
    const virtual = `${VIRTUAL_ROOT}/${encodeURIComponent(uri)}${extension}`;
    this.uriToVirtual.set(uri, virtual);
    this.virtualToUri.set(virtual, uri);
    return virtual;
  }

  toUri(p: string): string {
    return this.virtualToUri.get(p) ?? pathToFileURL(p).href;
  }

  static isVirtual(p: string): boolean {
    return p.startsWith(`${VIRTUAL_ROOT}/`);
  }

  forget(uri: string): void {
    const virtual = this.uriToVirtual.get(uri);
    if (!virtual) return;
    this.uriToVirtual.delete(uri);
    this.virtualToUri.delete(virtual);
  }
}
