/** Serialization failure, deadlock: the command ran into another one at the same moment. */
const clashCodes = new Set(['40001', '40P01']);
const clashAttempts = 20;

/**
 * Writers run serializable (commands, intake batches), so two on the same person behave as if one
 * came after the other, without a lock every writer waits for. When two clash, PostgreSQL rolls
 * one back and it runs again here, on the state the other left.
 */
export async function retryOnClash<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (n >= clashAttempts || typeof code !== 'string' || !clashCodes.has(code)) throw error;
      // Growing, jittered pauses: clashing writers spread out instead of meeting again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 ** n)));
    }
  }
}
