/** Conditions by id, and a procedure's conditions in the order the walk meets them (the reasons' order). */
import { childrenOf, type Condition, type ProcedureDef } from './types';

export class Registry {
  private readonly byId: ReadonlyMap<string, Condition>;

  constructor(readonly list: readonly Condition[]) {
    const byId = new Map<string, Condition>();
    for (const c of list) {
      if (byId.has(c.id)) throw new Error(`condition ${c.id} declared twice`);
      byId.set(c.id, c);
    }
    this.byId = byId;
    for (const c of list) for (const child of childrenOf(c)) this.get(child);
  }

  get(id: string): Condition {
    const c = this.byId.get(id);
    if (!c) throw new Error(`unknown condition ${id}`);
    return c;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }
}

export type Role = 'gate' | 'part' | 'recovery' | 'describes';

/**
 * A procedure's conditions, each once, in walk order: each gate, its parts (depth first), its recovery;
 * then the conditions that only describe the outcome.
 */
type Declared = readonly { id: string; role: Role; gate: number | null }[];
const declaredMemo = new WeakMap<ProcedureDef, { registry: Registry; list: Declared }>();

export function conditionsOf(def: ProcedureDef, registry: Registry): Declared {
  // Every evaluation lists its procedure's conditions: walked once per procedure and registry.
  const known = declaredMemo.get(def);
  if (known?.registry === registry) return known.list;
  const list = walkOrder(def, registry);
  declaredMemo.set(def, { registry, list });
  return list;
}

function walkOrder(def: ProcedureDef, registry: Registry): Declared {
  const out: { id: string; role: Role; gate: number | null }[] = [];
  const seen = new Set<string>();
  const visit = (id: string, role: Role, gate: number | null): void => {
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ id, role, gate });
    for (const child of childrenOf(registry.get(id))) visit(child, 'part', null);
  };
  def.gates.forEach((g, i) => {
    visit(g.condition, 'gate', i);
    if (g.recoverable) visit(g.recoverable, 'recovery', null);
  });
  for (const id of def.describes ?? []) visit(id, 'describes', null);
  return out;
}
