import { firstExpiringAfter, GROUP_COUNT, type StockUnit } from '@hemonet/core';
import { COMPONENTS } from './world.js';

export interface SimUnit extends StockUnit {
  readonly component: number;
}

/** Free (unreserved) stock of one site: component → group → units in FEFO order. */
export class SiteStock {
  readonly free: SimUnit[][][] = Array.from({ length: COMPONENTS }, () =>
    Array.from({ length: GROUP_COUNT }, () => []),
  );

  groups(component: number): SimUnit[][] {
    return this.free[component] as SimUnit[][];
  }

  list(component: number, group: number): SimUnit[] {
    return (this.free[component] as SimUnit[][])[group] as SimUnit[];
  }

  /** Insert keeping FEFO order; equal expiries keep arrival order. */
  add(u: SimUnit): void {
    const list = this.list(u.component, u.group);
    const last = list[list.length - 1];
    if (!last || last.expiresAt <= u.expiresAt) {
      list.push(u);
      return;
    }
    list.splice(firstExpiringAfter(list, u.expiresAt), 0, u);
  }

  /** Remove the given units (all of one component). */
  remove(units: readonly SimUnit[]): void {
    for (const u of units) {
      const list = this.list(u.component, u.group);
      const i = list.indexOf(u);
      if (i < 0) throw new Error(`unit ${u.id} is not in free stock`);
      list.splice(i, 1);
    }
  }

  /** Remove many units at once (one pass per touched list). */
  removeMany(units: readonly SimUnit[]): void {
    if (units.length === 0) return;
    const gone = new Set(units);
    const touched = new Set(units.map((u) => this.list(u.component, u.group)));
    let removed = 0;
    for (const list of touched) {
      let w = 0;
      for (const u of list) if (!gone.has(u)) list[w++] = u;
      removed += list.length - w;
      list.length = w;
    }
    if (removed !== gone.size) throw new Error('removeMany: some units were not in free stock');
  }

  /**
   * Take `n` units of one component and group off the shelf: the first to expire (FIFO, which is
   * FEFO for units of one shelf life) or the last (LIFO, the freshest first).
   */
  issue(component: number, group: number, n: number, order: 'fifo' | 'lifo'): SimUnit[] {
    const list = this.list(component, group);
    if (n > list.length) throw new Error(`issue: ${n} units asked, ${list.length} on the shelf`);
    return order === 'fifo' ? list.splice(0, n) : list.splice(list.length - n, n);
  }

  /** Take every unit expired at `now` out of stock; returns them. */
  sweepExpired(now: number): SimUnit[] {
    const out: SimUnit[] = [];
    for (const byGroup of this.free) {
      for (const list of byGroup) {
        const n = firstExpiringAfter(list, now);
        if (n > 0) for (const u of list.splice(0, n)) out.push(u);
      }
    }
    return out;
  }

  count(component: number): number {
    let n = 0;
    for (const list of this.groups(component)) n += list.length;
    return n;
  }

  countGroup(component: number, group: number): number {
    return this.list(component, group).length;
  }
}
