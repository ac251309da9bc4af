import { z } from 'zod';
import { errorLineSchema, replySchema } from '../src/core/reply';

/** Prints the JSON Schema of `--json` replies and error lines, generated from the zod schemas. */
process.stdout.write(
  `${JSON.stringify({ reply: z.toJSONSchema(replySchema), error: z.toJSONSchema(errorLineSchema) }, null, 2)}\n`,
);
