/** Socket.IO room names. Every emit targets one game's rooms; nothing goes to all sockets. */
export const rooms = {
  host: (gameId: string) => `game:${gameId}:host`,
  display: (gameId: string) => `game:${gameId}:display`,
  players: (gameId: string) => `game:${gameId}:players`,
  /** Host and display sockets that opted in to the "under the hood" telemetry. */
  telemetry: (gameId: string) => `game:${gameId}:telemetry`,
  /** The game of a telemetry room's name, or null for any other room. */
  telemetryGame: (room: string): string | null => (room.startsWith('game:') && room.endsWith(':telemetry') ? room.slice(5, -10) : null),
  screens: (gameId: string) => [rooms.host(gameId), rooms.display(gameId)],
  everyone: (gameId: string) => [rooms.host(gameId), rooms.display(gameId), rooms.players(gameId)],
};
