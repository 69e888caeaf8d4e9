// Server-sent events over fetch. The setup event stream is owner-only and authenticated by the bearer token; a
// browser's EventSource cannot send an Authorization header, and a token in the URL would end up in logs and history,
// so the stream is read with fetch and parsed here (the event-stream format of the WHATWG HTML standard, "Server-sent
// events", section "Parsing an event stream"). When the stream cannot be opened or breaks, the follower polls
// GET setup-requests/{id} instead and tries the stream again later.

export interface SseMessage {
  event: string;
  data: string;
  id: string | undefined;
}

/** Incremental parser: feed text chunks, get complete messages (comments and unknown fields are skipped). */
export class SseParser {
  private buffer = "";
  private event = "";
  private data: string[] = [];
  private id: string | undefined;

  push(chunk: string): SseMessage[] {
    this.buffer += chunk;
    const out: SseMessage[] = [];
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.buffer);
      if (!match) break;
      // a lone \r at the very end may be the first half of \r\n: wait for more input
      if (match[0] === "\r" && match.index === this.buffer.length - 1) break;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      this.line(line, out);
    }
    return out;
  }

  private line(line: string, out: SseMessage[]) {
    if (line === "") {
      if (this.data.length > 0) {
        out.push({ event: this.event || "message", data: this.data.join("\n"), id: this.id });
      }
      this.event = "";
      this.data = [];
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") this.event = value;
    else if (field === "data") this.data.push(value);
    else if (field === "id" && !value.includes("\0")) this.id = value;
  }
}

/** Reads an event-stream body to its end, calling onMessage per message. */
export async function readEventStream(body: ReadableStream<Uint8Array>, onMessage: (m: SseMessage) => void) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    for (const m of parser.push(decoder.decode(value, { stream: true }))) onMessage(m);
  }
  for (const m of parser.push(decoder.decode() + "\n\n")) onMessage(m);
}

export interface FollowOptions<T> {
  open: (signal: AbortSignal) => Promise<Response>;
  poll: () => Promise<T>;
  onUpdate: (value: T, via: "stream" | "poll") => void;
  isFinal: (value: T) => boolean;
  onError?: (e: unknown) => void;
  pollMs?: number;
  retryStreamMs?: number;
}

/**
 * Follows a resource: stream first, polling while the stream is unavailable, until isFinal or stop() is called.
 * Returns stop().
 */
export function follow<T>(opts: FollowOptions<T>): () => void {
  const pollMs = opts.pollMs ?? 2000;
  const retryStreamMs = opts.retryStreamMs ?? 15000;
  const controller = new AbortController();
  let stopped = false;
  let final = false;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      controller.signal.addEventListener("abort", () => {
        clearTimeout(t);
        resolve();
      });
    });
  const deliver = (value: T, via: "stream" | "poll") => {
    if (stopped) return;
    opts.onUpdate(value, via);
    if (opts.isFinal(value)) final = true;
  };

  const run = async () => {
    while (!stopped && !final) {
      let streamed = false;
      try {
        const res = await opts.open(controller.signal);
        if (res.ok && res.body) {
          streamed = true;
          await readEventStream(res.body, (m) => {
            if (m.event === "setup") deliver(JSON.parse(m.data) as T, "stream");
          });
        } else if (res.status === 401 || res.status === 403 || res.status === 404) {
          opts.onError?.(new Error(`the event stream answered ${res.status}`));
        }
      } catch (e) {
        if (stopped) return;
        opts.onError?.(e);
      }
      if (stopped || final) return;
      if (streamed) continue; // the server ended a healthy stream (its maximum duration): reconnect at once
      // stream unavailable: poll until it is time to try the stream again
      const until = Date.now() + retryStreamMs;
      while (!stopped && !final && Date.now() < until) {
        try {
          deliver(await opts.poll(), "poll");
        } catch (e) {
          opts.onError?.(e);
        }
        if (!final) await sleep(pollMs);
      }
    }
  };
  void run();
  return () => {
    stopped = true;
    controller.abort();
  };
}
