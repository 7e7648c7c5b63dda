import { env } from "../../lib/env";
import { createLocalMediaStorage } from "./local-media-storage";
import type { MediaStorage } from "./media-storage";
import { createS3MediaStorage } from "./s3-media-storage";

let storage: MediaStorage | undefined;

// The configured storage (MEDIA_STORAGE_DRIVER): the local filesystem by default, any S3-compatible service
// with MEDIA_STORAGE_DRIVER=s3 and the S3_* variables.
export function getMediaStorage(): MediaStorage {
  storage ??= createMediaStorageFromEnv();
  return storage;
}

function createMediaStorageFromEnv(): MediaStorage {
  if (env.MEDIA_STORAGE_DRIVER === "s3") {
    const missing = (["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const).filter((k) => !env[k]);
    if (missing.length) throw new Error(`MEDIA_STORAGE_DRIVER=s3 needs ${missing.join(", ")}`);
    return createS3MediaStorage({
      endpoint: env.S3_ENDPOINT!,
      region: env.S3_REGION,
      bucket: env.S3_BUCKET!,
      accessKeyId: env.S3_ACCESS_KEY_ID!,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
    });
  }
  // Resolved once by src/lib/env (relative paths from the repository root), so the worker that stores a file and the
  // web server that serves it — bundled by Next under .next/, where import.meta.url points elsewhere — agree.
  return createLocalMediaStorage(env.MEDIA_STORAGE_DIR);
}
