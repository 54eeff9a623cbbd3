/** An image as a product's stored document holds it (`data.images[]`): plain data, no I/O. */
/** Where an image's bytes come from, as stored: a URL, or bytes already in R2 (never the bytes). */
export type ImageSourceDoc = { url: string } | { sha256: string; fileName?: string };

/** Before uploads are materialized: what a client may send. */
export interface ImageSourceInputDoc {
  url?: string;
  fileKey?: string;
  base64?: string;
  fileName?: string;
  sha256?: string;
}

export interface ImageDoc {
  id: string;
  source: ImageSourceDoc;
  pipelines: Record<string, boolean>;
  classifications?: Record<string, unknown>;
}
