export declare const GZIP_LEVEL: number
export declare const BYTES_PER_KB: number
export declare const HOSTED_PAGE_JS_LIMIT: string
export declare function gzipSize(data: Uint8Array): number
export declare function limitBytes(limit: string): number
export declare function formatSize(bytes: number): string
