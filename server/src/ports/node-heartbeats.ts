/**
 * Which server nodes are alive. Each node says so every third of a TTL; a node that stops (kill
 * -9, a dead machine) drops out when its TTL runs out. Owners use it to mark the players whose
 * sockets were on a dead node as away (node-presence.ts).
 */
export interface NodeHeartbeats {
  /** This node is alive for the next `ttlMs`. */
  beat(nodeId: string, ttlMs: number): Promise<void>;
  /** Which of these nodes have beaten within their TTL. */
  alive(nodeIds: readonly string[]): Promise<Set<string>>;
  /** This node is gone for good (graceful shutdown): no need to wait for the TTL. */
  stop(nodeId: string): Promise<void>;
}
