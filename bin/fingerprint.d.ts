export declare const BUILD_STAMP: string;
export declare function sourceFiles(folder: string): string[];
export declare function sourceFingerprint(root: string): string;
