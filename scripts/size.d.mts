// Types for scripts/size.mjs (the built page's JavaScript sizes), so TypeScript callers such as the bench can use it.
export interface FileSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}
export interface DistSizes {
  initial: FileSize[];
  workers: FileSize[];
  lazy: FileSize[];
  initialGzipKiB: number;
  workerGzipKiB: number;
  lazyGzipKiB: number;
}
export const INITIAL_JS_BUDGET_KIB: number;
export function measureDist(distDir?: string): DistSizes;
