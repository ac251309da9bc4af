import { cpus, totalmem } from 'node:os';

/** What the figures were measured on, printed with them. */
export function describeMachine(): { cpu: string; cores: number; memoryGB: number; node: string } {
  const processors = cpus();
  return {
    cpu: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    memoryGB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
  };
}
