/** The package ioredis uses to place keys on Redis Cluster's slots; it ships no typings. */
declare module 'cluster-key-slot' {
  /** The cluster slot (0–16383) of a key, hash tags honoured: CRC16 of the tag, mod 16384. */
  export default function calculateSlot(key: string): number;
}
