export { downloadMessageMedia, MediaDownloadError } from "./download-message-media";
export type { DownloadMessageMediaOptions, DownloadMessageMediaResult } from "./download-message-media";
export { getMediaStorage } from "./get-media-storage";
export { createLocalMediaStorage } from "./local-media-storage";
export { mediaStorageKey } from "./media-storage";
export type { MediaStorage } from "./media-storage";
export { createS3MediaStorage } from "./s3-media-storage";
export type { S3Config } from "./s3-media-storage";
