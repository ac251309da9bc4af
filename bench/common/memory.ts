import { GCProfiler } from 'node:v8';

/**
 * The most heap in use between start() and stop(). The used heap only shrinks at a garbage
 * collection, so its peak is the larger of the heap measured just before each collection
 * (V8's GC profiler records it) and the heap in use at the end.
 */
export class PeakHeap {
  readonly #profiler = new GCProfiler();

  start(): void {
    this.#profiler.start();
  }

  /** Peak used heap in bytes. */
  stop(): number {
    const profile = this.#profiler.stop();
    let peak = process.memoryUsage().heapUsed;
    for (const { beforeGC } of profile?.statistics ?? []) peak = Math.max(peak, beforeGC.heapStatistics.usedHeapSize);
    return peak;
  }
}

export const megabytes = (bytes: number): number => bytes / 1024 / 1024;
