import type { TelemetryNode } from '@quizbus/shared';
import { Fragment, type ReactNode } from 'react';
import { reachTotal, slowestLagMs, type Flow, type Pulse } from '../net/event-flow.ts';
import type { WatchedFlow } from '../net/use-event-flow.ts';

/** Log lines the big view shows: what a room can read from the back. */
const BIG_LOG_LINES = 5;
/** Nodes listed by name; more are counted. */
const NODES_SHOWN = 3;
/** Time a pulse takes over one arrow, and between two pulses of one message (ms, as in the CSS). */
export const ARROW_MS = 320;
const STAGGER_MS = 140;

interface EventFlowDiagramProps extends WatchedFlow {
  titleId: string;
  /** No movement: the stations light up instead of dots travelling. */
  reducedMotion: boolean;
}

/**
 * The game's event flow drawn for a projector: command → owner node → log (seq) → channel →
 * nodes → sockets, each new event travelling along the arrows (or, with reduced motion, the
 * stations it reached lit), with the figures the telemetry carries.
 */
export function EventFlowDiagram({ flow, channel, titleId, reducedMotion }: EventFlowDiagramProps) {
  const latest = flow.latest;
  const here = latest?.nodeId ?? channel?.nodeId;
  const newest = flow.log.at(-1);
  const reach = reachTotal(flow);
  const nodes = latest?.nodes ?? [];
  const pulses = reducedMotion ? [] : flow.pulses;
  // Under reduced motion nothing moves: the path the newest event took stays lit instead.
  const lit = reducedMotion && newest ? 'flow__station--lit' : '';

  const stations: Array<{ name: string; label: string; value: ReactNode; detail: ReactNode }> = [
    { name: 'command', label: 'Command', value: 'Phone or host', detail: 'asks for a change' },
    {
      name: 'owner',
      label: 'Owner node',
      value: latest?.ownerNode ?? '…',
      detail: latest?.ownerNode && latest.ownerNode === here ? 'decides · this screen’s node' : 'decides',
    },
    {
      name: 'log',
      label: 'Log',
      value: newest ? `#${newest.toSeq}` : '…',
      detail: newest ? <code>{newest.type}</code> : 'appends the event',
    },
    { name: 'channel', label: 'Channel', value: <ChannelName name={channel?.channel ?? latest?.channel} />, detail: `${latest?.eventsPerSecond ?? 0} events per second` },
    { name: 'nodes', label: nodes.length === 1 ? 'Node' : 'Nodes', value: <NodeList nodes={nodes} lagMs={flow.lagMs} here={here} />, detail: 'command → fan-out' },
    {
      name: 'sockets',
      label: 'Sockets',
      value: (
        <span className="flow__reach">
          <span>
            <strong>{reach.players}</strong> phones
          </span>
          <span>
            <strong>{reach.host}</strong> host
          </span>
          <span>
            <strong>{reach.display}</strong> displays
          </span>
        </span>
      ),
      detail: null,
    },
  ];

  return (
    <div className="flow">
      <h2 className="flow__title" id={titleId}>
        How your game’s events travel
      </h2>
      <ol className="flow__path" aria-label="Path of an event">
        {stations.map((s, i) => (
          <li key={s.name} className={`flow__station flow__station--${s.name} ${lit}`}>
            {i > 0 ? <Arrow step={i} pulses={pulses} /> : null}
            <span className="flow__label">{s.label}</span>
            <span className="flow__value">{s.value}</span>
            {s.detail ? <span className="flow__detail">{s.detail}</span> : null}
          </li>
        ))}
      </ol>
      <div className="flow__footer">
        <FlowStats flow={flow} className="flow__stats">
          <div>
            <dt>Last event</dt>
            <dd>{newest ? `#${newest.toSeq}` : '–'}</dd>
          </div>
        </FlowStats>
        <div>
          <h3 className="flow__log-title">Latest events</h3>
          <ol className="flow__log" aria-label="Latest events" aria-live="off">
            {flow.log.slice(-BIG_LOG_LINES).map((e) => (
              <li key={e.seq}>
                <span className="flow__seq">#{e.seq === e.toSeq ? e.seq : `${e.seq}–${e.toSeq}`}</span> <code>{e.type}</code> {e.summary}
              </li>
            ))}
          </ol>
        </div>
      </div>
    </div>
  );
}

/** The flow's headline figures (the small panel's and the big view's), plus any the caller adds. */
export function FlowStats({ flow, className, children }: { flow: Flow; className: string; children?: ReactNode }) {
  const slowest = slowestLagMs(flow);
  return (
    <dl className={className}>
      <div>
        <dt>Events per second</dt>
        <dd>{flow.latest?.eventsPerSecond ?? 0}</dd>
      </div>
      <div>
        <dt>Command → fan-out, slowest node</dt>
        <dd>{slowest !== null ? `${slowest} ms` : '–'}</dd>
      </div>
      {children}
    </dl>
  );
}

/**
 * The arrow into station `step` and the events crossing it: each pulse reaches this arrow
 * after crossing the ones before it. Decoration only: the list order carries the meaning.
 */
function Arrow({ step, pulses }: { step: number; pulses: readonly Pulse[] }) {
  return (
    <span className={`flow__arrow flow__arrow--${step}`} aria-hidden="true">
      {pulses.map((p) => (
        <span key={p.key} className="flow__pulse" style={{ animationDelay: `${(step - 1) * ARROW_MS + p.order * STAGGER_MS}ms` }} />
      ))}
    </span>
  );
}

/** A channel name that may wrap after its colons (`quizbus:game:{…}:events`), never mid-word. */
function ChannelName({ name }: { name: string | undefined }) {
  if (!name) return <>…</>;
  const parts = name.split(':');
  return (
    <code className="flow__channel">
      {parts.map((p, i) => (
        <Fragment key={i}>
          {p}
          {i < parts.length - 1 ? (
            <>
              :<wbr />
            </>
          ) : null}
        </Fragment>
      ))}
    </code>
  );
}

/** The nodes relaying the game, each with its delay from the owner's decision to its fan-out. */
function NodeList({ nodes, lagMs, here }: { nodes: readonly TelemetryNode[]; lagMs: Flow['lagMs']; here: string | undefined }) {
  if (nodes.length === 0) return <>{here ?? '…'}</>;
  const shown = nodes.slice(0, NODES_SHOWN);
  return (
    <span className="flow__nodes">
      {shown.map((n) => (
        <span key={n.nodeId} className="flow__node">
          <span className="flow__node-name">{n.nodeId}</span> <span className="flow__node-lag">{lagMs[n.nodeId] !== undefined ? `${lagMs[n.nodeId]} ms` : '–'}</span>
        </span>
      ))}
      {nodes.length > NODES_SHOWN ? <span className="flow__node">+{nodes.length - NODES_SHOWN} more</span> : null}
    </span>
  );
}
