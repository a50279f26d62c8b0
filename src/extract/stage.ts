// The shape every extraction stage has: a function from Doc to Doc that declares what it needs and adds.
import type { Doc } from '../doc/types.ts';
import type { Knowledge } from '../knowledge/index.ts';

export interface StageContext {
  kb: Knowledge;
}

export interface Stage {
  name: string;
  /** Fields of the Doc this stage reads; the pipeline checks an earlier stage assigned them. */
  requires: readonly (keyof Doc)[];
  /** Fields of the Doc this stage fills. */
  assigns: readonly (keyof Doc)[];
  run(doc: Doc, ctx: StageContext): Doc;
}
