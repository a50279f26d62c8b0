// Placeholder until the knowledge loader lands: the loaded, indexed knowledge base.
export interface Knowledge {
  version: string;
}
