import type { TelemetryNode } from '@quizbus/shared';
import { useId, useState } from 'react';
import { reachTotal } from '../net/event-flow.ts';
import type { ConnectionStatus, GameClient } from '../net/game-client.ts';
import { useEventFlow } from '../net/use-event-flow.ts';
import { EventFlowDiagram, FlowStats } from './event-flow-diagram.tsx';
import { FullScreenDialog } from './full-screen-dialog.tsx';
import { useReducedMotion } from './use-reduced-motion.ts';

/**
 * The "under the hood" panel on the host console and the display: the path of the game's
 * events through the server and a log of the latest ones, and a full-screen diagram of the same
 * flow for the projector. Closed, it sends nothing and the server records nothing for it
 * (telemetry.watch is only on while the panel or the diagram is open).
 */
export function UnderTheHoodPanel({ client, connection }: { client: GameClient; connection: ConnectionStatus }) {
  const [open, setOpen] = useState(false);
  const [big, setBig] = useState(false);
  const { flow, channel } = useEventFlow(client, connection, open || big);
  const reducedMotion = useReducedMotion();
  const id = useId();

  const latest = flow.latest;
  const lastSeq = flow.log.at(-1)?.toSeq;
  const nodes = latest?.nodes ?? [];
  const here = latest?.nodeId ?? channel?.nodeId;
  const total = reachTotal(flow);
  return (
    <section className="hood" aria-label="Under the hood">
      <button type="button" className="button button--quiet hood__toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {open ? 'Hide under the hood' : 'Under the hood'}
      </button>
      <button type="button" className="button button--quiet hood__toggle" aria-haspopup="dialog" onClick={() => setBig(true)}>
        Full-screen event flow
      </button>
      {big ? (
        <FullScreenDialog className="full-screen" labelledBy={`${id}-big`} closeLabel="Close" onClose={() => setBig(false)}>
          <EventFlowDiagram flow={flow} channel={channel} titleId={`${id}-big`} reducedMotion={reducedMotion} />
        </FullScreenDialog>
      ) : null}
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
          <FlowStats flow={flow} className="hood__stats" />
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
