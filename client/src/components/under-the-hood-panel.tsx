import type { TelemetryNode } from '@quizbus/shared';
import { useId, useState } from 'react';
import { reachTotal } from '../net/event-flow.ts';
import type { ConnectionStatus, GameClient } from '../net/game-client.ts';
import { useEventFlow } from '../net/use-event-flow.ts';
import { EventFlowDiagram, FlowStats } from './event-flow-diagram.tsx';
import { FullScreenDialog } from './full-screen-dialog.tsx';
import { useReducedMotion } from './use-reduced-motion.ts';
import { useLocale, useT } from '../i18n/i18n-context.ts';

/**
 * The "under the hood" panel on the host console and the display: the path of the game's
 * events through the server and a log of the latest ones, and a full-screen diagram of the same
 * flow for the projector. Closed, it sends nothing and the server records nothing for it
 * (telemetry.watch is only on while the panel or the diagram is open).
 */
export function UnderTheHoodPanel({ client, connection }: { client: GameClient; connection: ConnectionStatus }) {
  const { t, format } = useLocale();
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
    <section className="hood" aria-label={t('hood.title')}>
      <button type="button" className="button button--quiet hood__toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {open ? t('hood.hide') : t('hood.title')}
      </button>
      <button type="button" className="button button--quiet hood__toggle" aria-haspopup="dialog" onClick={() => setBig(true)}>
        {t('flow.open')}
      </button>
      {big ? (
        <FullScreenDialog className="full-screen" labelledBy={`${id}-big`} closeLabel={t('flow.close')} onClose={() => setBig(false)}>
          <EventFlowDiagram flow={flow} channel={channel} titleId={`${id}-big`} reducedMotion={reducedMotion} />
        </FullScreenDialog>
      ) : null}
      {open ? (
        // Focusable: the body scrolls when the node table and log outgrow it, and keyboard users scroll it too.
        <div id={id} className="hood__body" role="group" tabIndex={0} aria-labelledby={`${id}-title`}>
          <h2 className="hood__title" id={`${id}-title`}>{t('hood.heading')}</h2>
          <ol className="hood__path" aria-label={t('hood.path')}>
            <li>
              <strong>{t('hood.command')}</strong> {t('hood.commandFrom')}
            </li>
            <li>
              <strong>{t('hood.owner')}</strong>{' '}
              {latest?.ownerNode ? t(latest.ownerNode === here ? 'hood.ownerDecidesHere' : 'hood.ownerDecides', { node: latest.ownerNode }) : '…'}
            </li>
            <li>
              <strong>{t('hood.appended')}</strong> {lastSeq !== undefined ? t('hood.asEvent', { seq: lastSeq }) : '…'}
            </li>
            <li>
              <strong>{t('hood.channel')}</strong> {channel?.channel ?? '…'}
            </li>
            <li>
              <strong>{t('hood.relayedBy', { nodes: nodes.length > 0 ? format.list(nodes.map((n) => n.nodeId)) : (here ?? '…') })}</strong>
              {latest ? ` ${t('hood.relayedTo', { players: total.players, host: total.host, display: total.display })}` : ''}
            </li>
          </ol>
          <FlowStats flow={flow} className="hood__stats" />
          {nodes.length > 0 ? <NodeTable nodes={nodes} here={here} lagMs={flow.lagMs} /> : null}
          <p className="hood__note">
            {t('hood.note', { node: here ?? '…' })}
          </p>
          <h3 className="hood__title">{t('hood.latest')}</h3>
          <ol className="hood__log" aria-label={t('hood.latest')} aria-live="off">
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

/** Every node that relays the game, with the sockets it reached and how fast it relays. */
function NodeTable({ nodes, here, lagMs }: { nodes: readonly TelemetryNode[]; here: string | undefined; lagMs: Record<string, number> }) {
  const t = useT();
  return (
    <table className="hood__nodes">
      <caption>{t('hood.nodesCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('hood.node')}</th>
          <th scope="col">{t('hood.lastEvent')}</th>
          <th scope="col">{t('hood.phones')}</th>
          <th scope="col">{t('hood.hosts')}</th>
          <th scope="col">{t('hood.displays')}</th>
          <th scope="col">{t('hood.eventsPerSecond')}</th>
          <th scope="col">{t('hood.lag')}</th>
        </tr>
      </thead>
      <tbody>
        {nodes.map((n) => (
          <tr key={n.nodeId}>
            <th scope="row">
              {n.nodeId}
              {n.owner ? ` ${t('hood.ownerMark')}` : ''}
              {n.nodeId === here ? ` ${t('hood.hereMark')}` : ''}
            </th>
            <td>#{n.seq}</td>
            <td>{n.reached.players}</td>
            <td>{n.reached.host}</td>
            <td>{n.reached.display}</td>
            <td>{n.eventsPerSecond}</td>
            <td>{lagMs[n.nodeId] !== undefined ? t('hood.ms', { ms: lagMs[n.nodeId] ?? 0 }) : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
