// The HTTP server: the app (testable in-process), its socket, and the pieces a command or a test reaches for.
export { createApp, type AppOptions } from './app.ts';
export { listen, PortInUseError, UnsafeBindError, type ListenOptions, type RunningServer } from './listen.ts';
export { isLoopbackHost } from './access.ts';
export { ApiError, type ApiErrorBody } from './errors.ts';
export { ingestRequest, type IngestService, type IngestSummary } from './ingest.ts';
export { buildOpenApi } from './openapi.ts';
