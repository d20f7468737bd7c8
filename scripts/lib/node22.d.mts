export declare const NODE22_DIR: string
export declare const NODE22_BIN_DIR: string
export declare const NODE22_BIN: string
export declare function ensureNode22(): void
export declare function envForApp(appDir: string, env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv
