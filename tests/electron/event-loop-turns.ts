/**
 * Run `work` and count the turns of this thread's event loop (setImmediate callbacks) served while it was in
 * flight. Work done on this thread finishes inside one turn: zero.
 */
export async function turnsDuring<T>(work: () => Promise<T>): Promise<{ turns: number; result: T }> {
  let turns = 0;
  let done = false;
  const spin = () => {
    if (done) return;
    turns++;
    setImmediate(spin);
  };
  setImmediate(spin);
  const result = await work();
  done = true;
  return { turns, result };
}
