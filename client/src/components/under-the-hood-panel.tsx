import type { TelemetryEntry, TelemetryEvents } from '@quizbus/shared';
import { useEffect, useId, useState } from 'react';
import type { ConnectionStatus, GameClient } from '../net/game-client.ts';

/** Entries the log shows, newest last. */
const LOG_LINES = 40;

interface Flow {
  latest: TelemetryEvents | null;
  log: TelemetryEntry[];
}

/**
 * The "under the hood" panel on the host console and the display: the path of the game's
 * events through the server and a log of the latest ones. Closed, it sends nothing and the
 * server records nothing for it (telemetry.watch is only on while it is open).
 */
export function UnderTheHoodPanel({ client, connection }: { client: GameClient; connection: ConnectionStatus }) {
  const [open, setOpen] = useState(false);
  const [flow, setFlow] = useState<Flow>({ latest: null, log: [] });
  const [channel, setChannel] = useState<{ nodeId: string; channel: string } | null>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    const stop = client.onTelemetry((message) =>
      setFlow((f) => ({ latest: message, log: [...f.log, ...message.events].slice(-LOG_LINES) })),
    );
    return stop;
  }, [client, open]);

  // Watching belongs to the socket's seat: after a reconnect (a new seat) it is asked for again.
  useEffect(() => {
    if (!open || connection !== 'online') return;
    let live = true;
    void client.send('telemetry.watch', { on: true }).then((ack) => {
      if (live && ack.ok) setChannel({ nodeId: ack.nodeId, channel: ack.channel });
    });
    return () => {
      live = false;
    };
  }, [client, open, connection]);

  // Closing the panel stops the flow on the server too: closed, it costs nothing there.
  useEffect(() => {
    if (!open) return;
    return () => void client.send('telemetry.watch', { on: false });
  }, [client, open]);

  const latest = flow.latest;
  const lastSeq = flow.log.at(-1)?.toSeq;
  return (
    <section className="hood" aria-label="Under the hood">
      <button type="button" className="button button--quiet hood__toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {open ? 'Hide under the hood' : 'Under the hood'}
      </button>
      {open ? (
        <div id={id} className="hood__body">
          <h2 className="hood__title">How your game's events travel</h2>
          <ol className="hood__path" aria-label="Path of an event">
            <li>
              <strong>Command</strong> from a phone or this console
            </li>
            <li>
              <strong>Owner node</strong> {latest ? (latest.owner ? `${latest.nodeId} (this node)` : 'another node') : '…'} decides
            </li>
            <li>
              <strong>Appended to the log</strong> {lastSeq !== undefined ? `as event #${lastSeq}` : '…'}
            </li>
            <li>
              <strong>Channel</strong> {channel?.channel ?? '…'}
            </li>
            <li>
              <strong>Relayed by {latest?.nodeId ?? channel?.nodeId ?? '…'}</strong>
              {latest ? ` to ${latest.reached.players} phones, ${latest.reached.host} host, ${latest.reached.display} displays` : ''}
            </li>
          </ol>
          <dl className="hood__stats">
            <div>
              <dt>Events per second</dt>
              <dd>{latest?.eventsPerSecond ?? 0}</dd>
            </div>
            <div>
              <dt>Commit → fan-out</dt>
              <dd>{latest ? `${latest.maxLagMs} ms` : '–'}</dd>
            </div>
          </dl>
          <p className="hood__note">
            Measured on node {channel?.nodeId ?? '…'}, the one this screen is connected to, in 250 ms windows. Other nodes relay to their own sockets; their
            counts are not shown here. Answers appear only as counts.
          </p>
          <h3 className="hood__title">Latest events</h3>
          <ol className="hood__log" aria-label="Latest events" aria-live="off">
            {flow.log.map((e) => (
              <li key={e.seq}>
                <span className="hood__seq">#{e.seq === e.toSeq ? e.seq : `${e.seq}–${e.toSeq}`}</span> <code>{e.type}</code> {e.summary}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}
