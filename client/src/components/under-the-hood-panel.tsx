import type { TelemetryEntry, TelemetryEvents, TelemetryNode } from '@quizbus/shared';
import { useEffect, useId, useState } from 'react';
import type { ConnectionStatus, GameClient } from '../net/game-client.ts';

/** Entries the log shows, newest last. */
const LOG_LINES = 40;

interface Flow {
  latest: TelemetryEvents | null;
  log: TelemetryEntry[];
  /**
   * Each node's command → fan-out delay in its latest window that relayed events. A quiet
   * window measures nothing, so it does not wipe the last figure off the table.
   */
  lagMs: Record<string, number>;
}

/** The flow after one more telemetry message. */
function advance(f: Flow, message: TelemetryEvents): Flow {
  const lagMs = { ...f.lagMs };
  for (const n of message.nodes) if (n.eventsInWindow > 0) lagMs[n.nodeId] = n.maxLagMs;
  return { latest: message, log: [...f.log, ...message.events].slice(-LOG_LINES), lagMs };
}

/**
 * The "under the hood" panel on the host console and the display: the path of the game's
 * events through the server and a log of the latest ones. Closed, it sends nothing and the
 * server records nothing for it (telemetry.watch is only on while it is open).
 */
export function UnderTheHoodPanel({ client, connection }: { client: GameClient; connection: ConnectionStatus }) {
  const [open, setOpen] = useState(false);
  const [flow, setFlow] = useState<Flow>({ latest: null, log: [], lagMs: {} });
  const [channel, setChannel] = useState<{ nodeId: string; channel: string } | null>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    return client.onTelemetry((message) => setFlow((f) => advance(f, message)));
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
  const nodes = latest?.nodes ?? [];
  const here = latest?.nodeId ?? channel?.nodeId;
  const total = nodes.reduce((t, n) => ({ host: t.host + n.reached.host, display: t.display + n.reached.display, players: t.players + n.reached.players }), {
    host: 0,
    display: 0,
    players: 0,
  });
  const lags = nodes.flatMap((n) => flow.lagMs[n.nodeId] ?? []);
  const slowest = lags.length > 0 ? Math.max(...lags) : null;
  return (
    <section className="hood" aria-label="Under the hood">
      <button type="button" className="button button--quiet hood__toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {open ? 'Hide under the hood' : 'Under the hood'}
      </button>
      {open ? (
        // Focusable: the body scrolls when the node table and log outgrow it, and keyboard users scroll it too.
        <div id={id} className="hood__body" role="group" tabIndex={0} aria-labelledby={`${id}-title`}>
          <h2 className="hood__title" id={`${id}-title`}>How your game's events travel</h2>
          <ol className="hood__path" aria-label="Path of an event">
            <li>
              <strong>Command</strong> from a phone or this console
            </li>
            <li>
              <strong>Owner node</strong> {latest?.ownerNode ? `${latest.ownerNode}${latest.ownerNode === here ? ' (this screen’s node)' : ''}` : '…'} decides
            </li>
            <li>
              <strong>Appended to the log</strong> {lastSeq !== undefined ? `as event #${lastSeq}` : '…'}
            </li>
            <li>
              <strong>Channel</strong> {channel?.channel ?? '…'}
            </li>
            <li>
              <strong>Relayed by {nodes.length > 0 ? listNames(nodes.map((n) => n.nodeId)) : (here ?? '…')}</strong>
              {latest ? ` to ${total.players} phones, ${total.host} host, ${total.display} displays` : ''}
            </li>
          </ol>
          <dl className="hood__stats">
            <div>
              <dt>Events per second</dt>
              <dd>{latest?.eventsPerSecond ?? 0}</dd>
            </div>
            <div>
              <dt>Command → fan-out, slowest node</dt>
              <dd>{slowest !== null ? `${slowest} ms` : '–'}</dd>
            </div>
          </dl>
          {nodes.length > 0 ? <NodeTable nodes={nodes} here={here} lagMs={flow.lagMs} /> : null}
          <p className="hood__note">
            Each node measures what it relays to its own sockets, in 250 ms windows, and sends its figures to node {here ?? '…'}, the one this screen is
            connected to. Answers appear only as counts.
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

/** "a", "a and b", "a, b and c". */
function listNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Every node that relays the game, with the sockets it reached and how fast it relays. */
function NodeTable({ nodes, here, lagMs }: { nodes: readonly TelemetryNode[]; here: string | undefined; lagMs: Record<string, number> }) {
  return (
    <table className="hood__nodes">
      <caption>Nodes relaying this game</caption>
      <thead>
        <tr>
          <th scope="col">Node</th>
          <th scope="col">Last event</th>
          <th scope="col">Phones</th>
          <th scope="col">Hosts</th>
          <th scope="col">Displays</th>
          <th scope="col">Events per second</th>
          <th scope="col">Command → fan-out</th>
        </tr>
      </thead>
      <tbody>
        {nodes.map((n) => (
          <tr key={n.nodeId}>
            <th scope="row">
              {n.nodeId}
              {n.owner ? ' (owner)' : ''}
              {n.nodeId === here ? ' (this screen)' : ''}
            </th>
            <td>#{n.seq}</td>
            <td>{n.reached.players}</td>
            <td>{n.reached.host}</td>
            <td>{n.reached.display}</td>
            <td>{n.eventsPerSecond}</td>
            <td>{lagMs[n.nodeId] !== undefined ? `${lagMs[n.nodeId]} ms` : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
