// A byte stream pulled from an async iterable of text: the next piece is produced only when the
// client has taken the last one, so a slow reader holds back the database reads.
export function textStream(parts: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const it = parts[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await it.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (e) {
        controller.error(e);
      }
    },
    async cancel() {
      await it.return?.();
    },
  });
}

// Keyset pagination by id: never OFFSET, never more than one batch in memory.
export async function* keysetBatches<T extends { id: string }>(read: (after: string | null, take: number) => Promise<T[]>, size: number): AsyncGenerator<T[]> {
  let after: string | null = null;
  for (;;) {
    const batch = await read(after, size);
    if (batch.length) yield batch;
    if (batch.length < size) return;
    after = batch[batch.length - 1].id;
  }
}

// A JSON array streamed item by item: "[", items joined by ",", "]".
export async function* jsonArray<T>(batches: AsyncIterable<T[]>, map: (item: T) => unknown, open = "[", close = "]"): AsyncGenerator<string> {
  yield open;
  let first = true;
  for await (const batch of batches) {
    let out = "";
    for (const item of batch) {
      out += (first ? "" : ",") + JSON.stringify(map(item));
      first = false;
    }
    yield out;
  }
  yield close;
}
