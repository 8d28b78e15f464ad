import { describe, expect, it } from 'vitest';
import type { DeliveryNote } from '../ports/telemetry-bus.ts';
import { mergeNodes, ownerNode, windowFigures, type NodeFigures } from './telemetry-merge.ts';

const reach = (host: number, display: number, players: number) => ({ host, display, players });
const note = (nodeId: string, seq: number, extra: Partial<DeliveryNote> = {}): DeliveryNote => ({
  gameId: 'g1',
  nodeId,
  owner: false,
  seq,
  eventsInWindow: 0,
  eventsPerSecond: 0,
  maxLagMs: 0,
  reached: reach(0, 0, 1),
  ...extra,
});

describe('windowFigures', () => {
  it('turns a window\'s count into events per second', () => {
    const f = windowFigures({ nodeId: 'a', owner: true, seq: 12, events: 5, windowMs: 250, maxLagMs: 7, reached: reach(1, 0, 3) });
    expect(f).toEqual({ nodeId: 'a', owner: true, seq: 12, eventsInWindow: 5, eventsPerSecond: 20, maxLagMs: 7, reached: reach(1, 0, 3) });
  });
});

describe('mergeNodes', () => {
  const self: NodeFigures = { nodeId: 'node-2', owner: false, seq: 9, eventsInWindow: 2, eventsPerSecond: 8, maxLagMs: 3, reached: reach(0, 1, 2) };

  it('lists this node and every other node\'s latest figures by name, with their age', () => {
    const nodes = mergeNodes(self, [{ note: note('node-3', 8), heardAt: 900 }, { note: note('node-1', 9, { owner: true }), heardAt: 950 }], 1000, 6000);
    expect(nodes.map((n) => [n.nodeId, n.seq, n.ageMs])).toEqual([
      ['node-1', 9, 50],
      ['node-2', 9, 0],
      ['node-3', 8, 100],
    ]);
    expect(nodes[1]).toEqual({ ...self, ageMs: 0 });
    expect(nodes[0]).not.toHaveProperty('gameId');
  });

  it('drops figures older than the stale limit, and notes that claim to be this node', () => {
    const nodes = mergeNodes(self, [{ note: note('node-1', 3), heardAt: 0 }, { note: note('node-2', 1), heardAt: 999 }, { note: note('node-3', 9), heardAt: 1500 }], 7000, 6000);
    expect(nodes.map((n) => n.nodeId)).toEqual(['node-2', 'node-3']);
    expect(nodes[0]?.seq).toBe(9);
  });

  it('works without figures of its own (this node holds no copy of the game)', () => {
    expect(mergeNodes(null, [{ note: note('node-1', 4), heardAt: 10 }], 10, 6000).map((n) => n.nodeId)).toEqual(['node-1']);
  });
});

describe('ownerNode', () => {
  it('names the owner, and during a takeover the one that has relayed further', () => {
    const nodes = mergeNodes(null, [{ note: note('a', 10, { owner: true }), heardAt: 0 }, { note: note('b', 12, { owner: true }), heardAt: 0 }, { note: note('c', 12), heardAt: 0 }], 0, 6000);
    expect(ownerNode(nodes)).toBe('b');
    expect(ownerNode(nodes.filter((n) => !n.owner))).toBeNull();
  });
});
