-- W3C trace context (traceparent, tracestate) of the transaction that wrote an outbox event: the relay sends it as
-- Kafka record headers so the consumers' spans join the trace (commons tracing.TraceContexts). Null outside a trace.
ALTER TABLE outbox ADD COLUMN traceparent text, ADD COLUMN tracestate text;
