export { ConnectionStatus } from './ConnectionStatus.tsx';
export { useLiveClient } from './context.ts';
export { ANY_CHANNEL, type LiveEvent, type LiveStatus } from './events.ts';
export { dataString, useLiveChannel, useLiveChannels, useLiveEvents, useLiveStatus } from './hooks.ts';
export { LiveProvider } from './LiveProvider.tsx';
