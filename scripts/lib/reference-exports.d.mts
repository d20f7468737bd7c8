export interface DocumentedEntry {
  /** Names the section's export tables list. */
  names: Set<string>
  /** Entries whose every export the section says it re-exports (`* from '<specifier>'`). */
  reexports: string[]
}
export declare function documentedExports(text: string): { sections: Map<string, DocumentedEntry>; duplicates: string[] }
