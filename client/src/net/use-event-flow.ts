import { useEffect, useState } from 'react';
import { advance, emptyFlow, type Flow } from './event-flow.ts';
import type { ConnectionStatus, GameClient } from './game-client.ts';

/** The flow and the channel its game's events travel on, as the telemetry.watch ack named it. */
export interface WatchedFlow {
  flow: Flow;
  channel: { nodeId: string; channel: string } | null;
}

/**
 * The game's event flow while `watching` (the "under the hood" panel or its full-screen view is
 * open). It asks the server for telemetry only then and says stop when it ends, so closed it
 * costs the server nothing; the small panel and the big view share this one watch.
 */
export function useEventFlow(client: GameClient, connection: ConnectionStatus, watching: boolean): WatchedFlow {
  const [flow, setFlow] = useState<Flow>(emptyFlow);
  const [channel, setChannel] = useState<WatchedFlow['channel']>(null);

  useEffect(() => {
    if (!watching) return;
    return client.onTelemetry((message) => setFlow((f) => advance(f, message)));
  }, [client, watching]);

  // Watching belongs to the socket's seat: after a reconnect (a new seat) it is asked for again.
  useEffect(() => {
    if (!watching || connection !== 'online') return;
    let live = true;
    void client.send('telemetry.watch', { on: true }).then((ack) => {
      if (live && ack.ok) setChannel({ nodeId: ack.nodeId, channel: ack.channel });
    });
    return () => {
      live = false;
    };
  }, [client, watching, connection]);

  // Stopping watching stops the flow on the server too: unwatched, it costs nothing there.
  useEffect(() => {
    if (!watching) return;
    return () => void client.send('telemetry.watch', { on: false });
  }, [client, watching]);

  return { flow, channel };
}
