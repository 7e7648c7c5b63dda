// issue 22 (outbound): collects the calls made during one turn of the event loop and runs them as one batch.
// A worker process runs many jobs at once; when several reach the same step together they share one round trip
// (the first call waits a setImmediate, never a timer: a lone call is not delayed behind a clock).
export function microBatch<I, O>(run: (items: I[]) => Promise<O[]>, options: { maxSize: number }): (item: I) => Promise<O> {
  let pending: { item: I; resolve: (value: O) => void; reject: (error: unknown) => void }[] = [];

  const flush = () => {
    const batch = pending;
    pending = [];
    for (let start = 0; start < batch.length; start += options.maxSize) {
      const slice = batch.slice(start, start + options.maxSize);
      run(slice.map((entry) => entry.item)).then(
        (results) => slice.forEach((entry, i) => entry.resolve(results[i]!)),
        (error: unknown) => slice.forEach((entry) => entry.reject(error)),
      );
    }
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push({ item, resolve, reject });
    });
}
