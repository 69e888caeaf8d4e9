import { follow, SseParser } from "./sse";

describe("SseParser", () => {
  it("parses events split across chunks, joins data lines and skips comments", () => {
    const p = new SseParser();
    expect(p.push("event: setup\nid: 1\ndata: {\"a\":")).toEqual([]);
    expect(p.push("1}\n\n: keep-alive\n\ndata: x\r\ndata: y\r\n\r\n")).toEqual([
      { event: "setup", data: '{"a":1}', id: "1" },
      { event: "message", data: "x\ny", id: "1" },
    ]);
  });
});

function streamOf(text: string): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(c) {
      c.enqueue(new TextEncoder().encode(text));
      c.close();
    },
  });
}

describe("follow", () => {
  it("delivers streamed setups until a terminal status", async () => {
    const seen: string[] = [];
    await new Promise<void>((done) => {
      follow<{ status: string }>({
        open: async () =>
          new Response(streamOf('event: setup\ndata: {"status":"pending"}\n\nevent: setup\ndata: {"status":"stopped"}\n\n'), {
            status: 200,
          }),
        poll: async () => ({ status: "never" }),
        onUpdate: (v) => {
          seen.push(v.status);
          if (v.status === "stopped") done();
        },
        isFinal: (v) => v.status === "stopped",
      });
    });
    expect(seen).toEqual(["pending", "stopped"]);
  });

  it("falls back to polling when the stream cannot be opened", async () => {
    let polls = 0;
    const via: string[] = [];
    await new Promise<void>((done) => {
      follow<{ status: string }>({
        open: async () => {
          throw new TypeError("network down");
        },
        poll: async () => ({ status: ++polls < 2 ? "provisioning" : "failed" }),
        onUpdate: (v, how) => {
          via.push(`${v.status}/${how}`);
          if (v.status === "failed") done();
        },
        isFinal: (v) => v.status === "failed",
        pollMs: 5,
      });
    });
    expect(via).toEqual(["provisioning/poll", "failed/poll"]);
  });
});
