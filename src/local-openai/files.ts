import { notFound } from './errors.js';
import { newId, nowSeconds } from './ids.js';
import { BlobStore, JsonCollection } from './store.js';

/** OpenAI's FileObject. */
export interface FileObject {
  id: string;
  object: 'file';
  bytes: number;
  created_at: number;
  filename: string;
  purpose: string;
  status: 'uploaded' | 'processed' | 'error';
  status_details: string | null;
  expires_at: number | null;
}

export const FILE_PURPOSES = ['fine-tune', 'fine-tune-results', 'assistants', 'batch', 'vision', 'user_data', 'evals'] as const;

/** Uploaded files and their contents, persisted under dataDir. */
export class FileService {
  private readonly meta: JsonCollection<FileObject>;
  private readonly blobs: BlobStore;

  constructor(dataDir: string) {
    this.meta = new JsonCollection<FileObject>(dataDir, 'files');
    this.blobs = new BlobStore(dataDir, 'file-contents');
  }

  create(filename: string, purpose: string, content: Uint8Array): FileObject {
    const file: FileObject = {
      id: newId.file(),
      object: 'file',
      bytes: content.byteLength,
      created_at: nowSeconds(),
      filename,
      purpose,
      status: 'processed',
      status_details: null,
      expires_at: null,
    };
    this.blobs.write(file.id, content);
    return this.meta.put(file);
  }

  find(id: string): FileObject | undefined {
    return this.meta.get(id);
  }

  get(id: string, param: string | null = null): FileObject {
    const file = this.meta.get(id);
    if (!file) throw notFound(`No such File object: ${id}`, param ?? 'id');
    return file;
  }

  /** Newest first, as OpenAI lists them by default. */
  list(purpose?: string): FileObject[] {
    const all = this.meta.all().reverse();
    return purpose ? all.filter((f) => f.purpose === purpose) : all;
  }

  content(id: string): Buffer {
    this.get(id);
    const data = this.blobs.read(id);
    if (!data) throw notFound(`No content for File object: ${id}`, 'id');
    return data;
  }

  text(id: string): string {
    return this.content(id).toString('utf8');
  }

  delete(id: string): { id: string; object: 'file'; deleted: true } {
    this.get(id);
    this.meta.delete(id);
    this.blobs.delete(id);
    return { id, object: 'file', deleted: true };
  }
}
