import { Redis } from 'ioredis';
import type { ScenarioResult } from './bench-report.ts';

/** A snapshot of redis-server's CPU and network counters. */
export interface RedisTraffic {
  cpuSeconds: number;
  netInBytes: number;
  netOutBytes: number;
}

/** redis-server's own CPU and its network bytes so far (INFO cpu and INFO stats): the bus's cost. */
export async function redisTraffic(url: string): Promise<RedisTraffic> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  try {
    await redis.connect();
    const info = `${await redis.info('cpu')}\n${await redis.info('stats')}`;
    const field = (name: string) => Number(new RegExp(`^${name}:([0-9.]+)`, 'm').exec(info)?.[1] ?? Number.NaN);
    return {
      cpuSeconds: field('used_cpu_user') + field('used_cpu_sys'),
      netInBytes: field('total_net_input_bytes'),
      netOutBytes: field('total_net_output_bytes'),
    };
  } finally {
    redis.disconnect();
  }
}

/** Redis CPU (ms) and bytes in and out per acknowledged answer while the games were played. */
export function trafficPerAnswer(before: RedisTraffic, after: RedisTraffic, answers: number): NonNullable<ScenarioResult['redisPerAnswer']> {
  return {
    cpuMs: Math.round(((after.cpuSeconds - before.cpuSeconds) * 1e6) / answers) / 1000,
    bytesIn: Math.round((after.netInBytes - before.netInBytes) / answers),
    bytesOut: Math.round((after.netOutBytes - before.netOutBytes) / answers),
  };
}
