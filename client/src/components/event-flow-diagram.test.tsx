// @vitest-environment jsdom
import type { ScreenView, TelemetryEntry, TelemetryEvents } from '@quizbus/shared';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { render } from '../i18n/test-i18n.tsx';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { advance, emptyFlow, type Flow } from '../net/event-flow.ts';
import { FakeSocket } from '../net/fake-socket.ts';
import { GameClient } from '../net/game-client.ts';
import { EventFlowDiagram } from './event-flow-diagram.tsx';
import { UnderTheHoodPanel } from './under-the-hood-panel.tsx';

afterEach(cleanup);

const CHANNEL = 'quizbus:game:{g_1}:events';

const entry = (seq: number, type: string, summary: string, toSeq = seq): TelemetryEntry => ({ type, seq, toSeq, count: toSeq - seq + 1, at: 1000, summary });

const node = (nodeId: string, owner: boolean, players: number, maxLagMs: number) => ({
  nodeId,
  owner,
  seq: 12,
  eventsInWindow: 2,
  eventsPerSecond: 8,
  maxLagMs,
  reached: { host: owner ? 1 : 0, display: owner ? 1 : 0, players },
  ageMs: 0,
});

/** A message from node-a (the owner, this screen's node) with node-b relaying too. */
const message = (events: TelemetryEntry[]): TelemetryEvents => ({
  nodeId: 'node-a',
  owner: true,
  seq: events.at(-1)?.toSeq ?? 0,
  eventsInWindow: events.length,
  eventsPerSecond: 8,
  maxLagMs: 3,
  reached: { host: 1, display: 1, players: 20 },
  channel: CHANNEL,
  windowMs: 250,
  dropped: 0,
  events,
  ownerNode: 'node-a',
  nodes: [node('node-a', true, 20, 3), node('node-b', false, 15, 7)],
});

const lobby: ScreenView = { gameId: 'g_1', pin: '123456', title: 'Quiz', questionCount: 1, seq: 3, publicSeq: 3, phase: 'lobby', role: 'display', locked: false, playerCount: 0, players: [] };

const flowOf = (...messages: TelemetryEvents[]): Flow => messages.reduce(advance, emptyFlow);

describe('EventFlowDiagram', () => {
  it('draws each station with the figures of the telemetry messages', () => {
    const flow = flowOf(message([entry(10, 'question.opened', 'question 1 opened')]), message([entry(11, 'answer.accepted', '2 answers to question 1', 12)]));
    render(<EventFlowDiagram flow={flow} channel={{ nodeId: 'node-a', channel: CHANNEL }} titleId="t" reducedMotion={false} />);
    const path = screen.getByRole('list', { name: 'Path of an event' });
    const stations = within(path).getAllByRole('listitem').map((li) => li.textContent);
    expect(stations).toEqual([
      'CommandPhone or hostasks for a change',
      'Owner nodenode-adecides · this screen’s node',
      'Log#12answer.accepted',
      `Channel${CHANNEL}8 events per second`,
      'Nodesnode-a 3 msnode-b 7 msCommand → fan-out',
      'Sockets35 phones1 host1 display',
    ]);
    expect(screen.getByText('Command → fan-out, slowest node').nextSibling?.textContent).toBe('7 ms');
    const log = screen.getByRole('list', { name: 'Latest events' });
    expect(within(log).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['#10 question.opened question 1 opened', '#11–12 answer.accepted 2 answers to question 1']);
  });

  it('sends each new event along every arrow, one arrow after the other', () => {
    const flow = flowOf(message([entry(10, 'question.opened', 'question 1 opened')]), message([entry(11, 'answer.accepted', '1 answer to question 1')]));
    const { container } = render(<EventFlowDiagram flow={flow} channel={null} titleId="t" reducedMotion={false} />);
    const arrows = [...container.querySelectorAll('.flow__arrow')];
    expect(arrows).toHaveLength(5);
    // Two events so far: two pulses on each arrow, each reaching arrow n after crossing arrow n − 1.
    expect(arrows.map((a) => [...a.querySelectorAll<HTMLElement>('.flow__pulse')].map((p) => p.style.animationDelay))).toEqual([
      ['0ms', '0ms'],
      ['320ms', '320ms'],
      ['640ms', '640ms'],
      ['960ms', '960ms'],
      ['1280ms', '1280ms'],
    ]);
    expect(container.querySelector('.flow__station--lit')).toBeNull();
  });

  it('moves nothing under reduced motion and lights the path instead', () => {
    const flow = flowOf(message([entry(10, 'question.opened', 'question 1 opened')]));
    const { container } = render(<EventFlowDiagram flow={flow} channel={null} titleId="t" reducedMotion />);
    expect(container.querySelectorAll('.flow__pulse')).toHaveLength(0);
    expect(container.querySelectorAll('.flow__station--lit')).toHaveLength(6);
  });

  it('keeps a few pulses per message, however many events it carries', () => {
    const burst = Array.from({ length: 20 }, (_, i) => entry(20 + i, 'player.joined', 'a player joined'));
    const flow = flowOf(message(burst));
    expect(flow.pulses.map((p) => p.entry.seq)).toEqual([37, 38, 39]);
    expect(flow.pulses.map((p) => p.order)).toEqual([0, 1, 2]);
  });
});

describe('the full-screen event flow in the under-the-hood panel', () => {
  it('watches telemetry while open, closes on Escape and gives focus back', async () => {
    const socket = new FakeSocket();
    socket.connected = true;
    const client = new GameClient(socket.asSocket());
    const attached = client.attach({ role: 'display', pin: '123456' });
    socket.named('display.attach')[0]?.ack({ ok: true, view: lobby });
    await attached;
    render(<UnderTheHoodPanel client={client} connection="online" />);
    expect(socket.named('telemetry.watch')).toHaveLength(0);

    const opener = screen.getByRole('button', { name: 'Full-screen event flow' });
    opener.focus();
    fireEvent.click(opener);
    const dialog = screen.getByRole('dialog', { name: "How your game's events travel" });
    await vi.waitFor(() => expect(socket.named('telemetry.watch').map((c) => c.payload)).toEqual([{ on: true, cid: expect.any(String) }]));
    act(() => socket.named('telemetry.watch')[0]?.ack({ ok: true, nodeId: 'node-a', channel: CHANNEL }));
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close' }));

    act(() => socket.push('telemetry.events', message([entry(10, 'question.opened', 'question 1 opened')])));
    expect(within(dialog).getByText('#10', { selector: '.flow__value' })).toBeTruthy();

    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
    await vi.waitFor(() => expect(socket.named('telemetry.watch').map((c) => c.payload)).toEqual([{ on: true, cid: expect.any(String) }, { on: false, cid: expect.any(String) }]));
  });
});
