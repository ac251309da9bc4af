import { parseArgs } from 'node:util';
import { measureRetriever } from './measure';

/** Child process of run.ts: measures one engine and prints its figures as one JSON line. */
const { values } = parseArgs({
  options: { engine: { type: 'string' }, dataset: { type: 'string' }, split: { type: 'string' } },
});
const figures = await measureRetriever(values.engine!, values.dataset!, values.split!);
process.stdout.write(`${JSON.stringify(figures)}\n`);
