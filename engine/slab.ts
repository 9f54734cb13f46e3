/**
 * Typed arrays carved out of one ArrayBuffer. A run needs a few dozen arrays (its exogenous path, its
 * workspace); each typed array of more than 64 bytes has its own memory outside the JavaScript heap, which
 * costs an allocation and, later, the garbage collector's work to free it. A sweep makes one run per
 * combination, so there that cost was a fifth of the CPU time. Carved from one buffer, a run's arrays cost
 * one such allocation. Views are taken in order of element size (Float64, then Int32, then Uint8) so that
 * each starts aligned; the buffer starts zeroed, as new typed arrays do.
 */
export class Slab {
  private readonly buffer: ArrayBuffer;
  private at = 0;

  /** Room for this many elements of each type. */
  constructor(f64: number, i32: number, u8: number) {
    this.buffer = new ArrayBuffer(8 * f64 + 4 * i32 + u8);
  }

  f64(length: number): Float64Array {
    const a = new Float64Array(this.buffer, this.at, length);
    this.at += 8 * length;
    return a;
  }

  i32(length: number): Int32Array {
    const a = new Int32Array(this.buffer, this.at, length);
    this.at += 4 * length;
    return a;
  }

  u8(length: number): Uint8Array {
    const a = new Uint8Array(this.buffer, this.at, length);
    this.at += length;
    return a;
  }
}
