/**
 * Slack's documented Block Kit limits, written out independently of the adapter's own
 * `limits.ts`, so that a wrong number there cannot make its tests pass.
 */
const MAX_BLOCKS = 50;
const MAX_TEXT = 3000;
const MAX_FIELDS = 10;
const MAX_FIELD_TEXT = 2000;
const MAX_HEADER_TEXT = 150;
const MAX_CONTEXT_ELEMENTS = 10;
const MAX_MESSAGE_TEXT = 40_000;

interface TextObject {
  type: string;
  text: string;
}
interface Block {
  type: string;
  text?: TextObject;
  fields?: TextObject[];
  elements?: TextObject[];
}

/** Every way a message breaks Slack's limits (an empty list when it is valid). */
export function blockKitViolations(message: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const text = (what: string, t: TextObject | undefined, max: number) => {
    if (t === undefined) return;
    if (t.text.length === 0) problems.push(`${what} is empty`);
    if (t.text.length > max) problems.push(`${what} has ${t.text.length} characters, over ${max}`);
  };
  const blocks = (message.blocks ?? []) as Block[];
  if (blocks.length > MAX_BLOCKS) problems.push(`${blocks.length} blocks, over ${MAX_BLOCKS}`);
  if (typeof message.text === 'string' && message.text.length > MAX_MESSAGE_TEXT) problems.push('message text over 40,000 characters');
  blocks.forEach((block, i) => {
    if (block.type === 'header') text(`header ${i}`, block.text, MAX_HEADER_TEXT);
    if (block.type === 'section') {
      if (!block.text && !block.fields) problems.push(`section ${i} has neither text nor fields`);
      text(`section ${i}`, block.text, MAX_TEXT);
      if ((block.fields?.length ?? 0) > MAX_FIELDS) problems.push(`section ${i} has ${block.fields!.length} fields`);
      block.fields?.forEach((f, j) => text(`field ${j} of section ${i}`, f, MAX_FIELD_TEXT));
    }
    if (block.type === 'context') {
      if ((block.elements?.length ?? 0) > MAX_CONTEXT_ELEMENTS) problems.push(`context ${i} has ${block.elements!.length} elements`);
      block.elements?.forEach((e, j) => text(`element ${j} of context ${i}`, e, MAX_TEXT));
    }
  });
  return problems;
}

/** All the mrkdwn and plain text of a message's blocks, in order. */
export function blockTexts(message: Record<string, unknown>): string[] {
  return ((message.blocks ?? []) as Block[]).flatMap((b) => [b.text, ...(b.fields ?? []), ...(b.elements ?? [])].filter((t) => t !== undefined).map((t) => t.text));
}
