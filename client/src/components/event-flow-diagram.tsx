import type { TelemetryNode } from '@quizbus/shared';
import { Fragment, type ReactNode } from 'react';
import { reachTotal, slowestLagMs, type Flow, type Pulse } from '../net/event-flow.ts';
import type { WatchedFlow } from '../net/use-event-flow.ts';
import { useLocale, useT } from '../i18n/i18n-context.ts';

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
  const { t, format } = useLocale();
  const latest = flow.latest;
  const here = latest?.nodeId ?? channel?.nodeId;
  const newest = flow.log.at(-1);
  const reach = reachTotal(flow);
  const nodes = latest?.nodes ?? [];
  const pulses = reducedMotion ? [] : flow.pulses;
  // Under reduced motion nothing moves: the path the newest event took stays lit instead.
  const lit = reducedMotion && newest ? 'flow__station--lit' : '';

  const stations: Array<{ name: string; label: string; value: ReactNode; detail: ReactNode }> = [
    { name: 'command', label: t('hood.command'), value: t('flow.commandFrom'), detail: t('flow.commandAsks') },
    {
      name: 'owner',
      label: t('hood.owner'),
      value: latest?.ownerNode ?? '…',
      detail: t(latest?.ownerNode && latest.ownerNode === here ? 'flow.decidesHere' : 'flow.decides'),
    },
    {
      name: 'log',
      label: t('flow.log'),
      value: newest ? `#${newest.toSeq}` : '…',
      detail: newest ? <code>{newest.type}</code> : t('flow.appends'),
    },
    {
      name: 'channel',
      label: t('hood.channel'),
      value: <ChannelName name={channel?.channel ?? latest?.channel} />,
      detail: t('flow.rate', { rate: format.number(latest?.eventsPerSecond ?? 0) }),
    },
    { name: 'nodes', label: t('flow.nodes', { count: Math.max(1, nodes.length) }), value: <NodeList nodes={nodes} lagMs={flow.lagMs} here={here} />, detail: t('hood.lag') },
    {
      name: 'sockets',
      label: t('flow.sockets'),
      value: (
        <span className="flow__reach">
          <span>
            <strong>{format.number(reach.players)}</strong> {t('flow.phones', { count: reach.players })}
          </span>
          <span>
            <strong>{format.number(reach.host)}</strong> {t('flow.hosts', { count: reach.host })}
          </span>
          <span>
            <strong>{format.number(reach.display)}</strong> {t('flow.displays', { count: reach.display })}
          </span>
        </span>
      ),
      detail: null,
    },
  ];

  return (
    <div className="flow">
      <h2 className="flow__title" id={titleId}>
        {t('hood.heading')}
      </h2>
      <ol className="flow__path" aria-label={t('hood.path')}>
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
            <dt>{t('hood.lastEvent')}</dt>
            <dd>{newest ? `#${newest.toSeq}` : '–'}</dd>
          </div>
        </FlowStats>
        <div>
          <h3 className="flow__log-title">{t('hood.latest')}</h3>
          <ol className="flow__log" aria-label={t('hood.latest')} aria-live="off">
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
  const { t, format } = useLocale();
  const slowest = slowestLagMs(flow);
  return (
    <dl className={className}>
      <div>
        <dt>{t('hood.eventsPerSecond')}</dt>
        <dd>{format.number(flow.latest?.eventsPerSecond ?? 0)}</dd>
      </div>
      <div>
        <dt>{t('hood.lagSlowest')}</dt>
        <dd>{slowest !== null ? t('hood.ms', { ms: slowest }) : '–'}</dd>
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
  const t = useT();
  if (nodes.length === 0) return <>{here ?? '…'}</>;
  const shown = nodes.slice(0, NODES_SHOWN);
  return (
    <span className="flow__nodes">
      {shown.map((n) => (
        <span key={n.nodeId} className="flow__node">
          <span className="flow__node-name">{n.nodeId}</span> <span className="flow__node-lag">{lagMs[n.nodeId] !== undefined ? t('hood.ms', { ms: lagMs[n.nodeId] ?? 0 }) : '–'}</span>
        </span>
      ))}
      {nodes.length > NODES_SHOWN ? <span className="flow__node">{t('flow.more', { count: nodes.length - NODES_SHOWN })}</span> : null}
    </span>
  );
}
