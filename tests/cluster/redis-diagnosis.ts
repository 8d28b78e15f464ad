import { channels, keys } from '../../server/src/adapters/redis/keys.ts';
import type { TopologyCluster } from '../support/cluster.ts';
import { ask as askServer } from '../support/redis-topology.ts';

/**
 * What a failed Redis failover test needs to say why: the cluster's view of itself, who holds
 * the game's lease, how many subscribers its channels have on the master that serves them now
 * (SPUBLISH counts those: 0 on the commands channel means forwarded commands find "no owner"),
 * and each node's warnings and errors. Printed, never asserted.
 */
export async function diagnoseRedis(c: TopologyCluster, gameId: string | null): Promise<string> {
  const out: string[] = [];
  const live = c.topology.servers.filter((s) => s.child.exitCode === null && s.child.signalCode === null);
  out.push(`redis servers: ${c.topology.servers.map((s) => `${s.port}${live.includes(s) ? '' : ' (dead)'}`).join(', ')}`);
  if (c.topology.topology.kind === 'cluster' && live[0]) out.push(`CLUSTER NODES (from ${live[0].port}):\n${String(await askServer(live[0].port, 'CLUSTER', 'NODES'))}`);
  if (gameId) {
    const master = await c.topology.masterFor(keys.events(gameId)).catch((err: Error) => err.message);
    out.push(`game ${gameId}: master now ${master}`);
    if (typeof master === 'number') {
      out.push(`  owner key: ${JSON.stringify(await askServer(master, 'GET', keys.owner(gameId)))}, PTTL ${JSON.stringify(await askServer(master, 'PTTL', keys.owner(gameId)))}`);
      const sharded = c.topology.topology.kind === 'cluster';
      const chans = [channels.commands(gameId), channels.events(gameId)];
      out.push(`  ${sharded ? 'PUBSUB SHARDNUMSUB' : 'PUBSUB NUMSUB'}: ${JSON.stringify(await askServer(master, 'PUBSUB', sharded ? 'SHARDNUMSUB' : 'NUMSUB', ...chans))}`);
      out.push(`  CLIENT LIST on the master:\n${String(await askServer(master, 'CLIENT', 'LIST'))}`);
    }
  }
  for (const n of c.nodes) {
    // pino's levels: 40 warn, 50 error; plus the lines about games changing hands.
    const lines = n.output.filter((l) => /"level":(40|50|60)|took over|gave up|game created/.test(l));
    out.push(`node ${n.id} (${lines.length} notable log lines, last 40):\n${lines.slice(-40).map((l) => l.slice(0, 400)).join('\n')}`);
  }
  return out.join('\n');
}
