/**
 * What real Discord refuses with "400 Invalid Form Body", written from its documentation
 * for the fake Discord (independently of the adapter's own limits file, so that a wrong
 * limit there shows up as a refused request here).
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function messageProblems(body: unknown): string[] {
  if (!isObject(body)) return ['body must be a JSON object'];
  const problems: string[] = [];
  const content = text(body.content);
  const embeds = Array.isArray(body.embeds) ? (body.embeds as Json[]) : [];
  if (content.length > 2000) problems.push(`content: ${content.length} > 2000 characters`);
  if (embeds.length > 10) problems.push(`embeds: ${embeds.length} > 10`);
  let total = 0;
  embeds.forEach((embed, i) => {
    const at = `embeds[${i}]`;
    const fields = Array.isArray(embed.fields) ? (embed.fields as Json[]) : [];
    const title = text(embed.title);
    const description = text(embed.description);
    const footer = isObject(embed.footer) ? text(embed.footer.text) : '';
    if (title.length > 256) problems.push(`${at}.title: ${title.length} > 256`);
    if (description.length > 4096) problems.push(`${at}.description: ${description.length} > 4096`);
    if (footer.length > 2048) problems.push(`${at}.footer.text: ${footer.length} > 2048`);
    if (fields.length > 25) problems.push(`${at}.fields: ${fields.length} > 25`);
    total += title.length + description.length + footer.length;
    fields.forEach((field, j) => {
      const name = text(field.name);
      const value = text(field.value);
      if (name.length === 0 || name.length > 256) problems.push(`${at}.fields[${j}].name: length ${name.length} not in 1..256`);
      if (value.length === 0 || value.length > 1024) problems.push(`${at}.fields[${j}].value: length ${value.length} not in 1..1024`);
      total += name.length + value.length;
    });
    if (!title && !description && fields.length === 0) problems.push(`${at}: empty embed`);
  });
  if (total > 6000) problems.push(`embeds: ${total} > 6000 characters in all`);
  if (body.nonce !== undefined && String(body.nonce).length > 25) problems.push('nonce: longer than 25');
  return problems;
}

function callbackProblems(body: unknown): string[] {
  if (!isObject(body)) return ['body must be a JSON object'];
  if (body.type === 4) return messageProblems(body.data);
  if (body.type === 8) {
    const choices = isObject(body.data) && Array.isArray(body.data.choices) ? (body.data.choices as Json[]) : [];
    const problems = choices.length > 25 ? [`choices: ${choices.length} > 25`] : [];
    choices.forEach((choice, i) => {
      const name = text(choice.name);
      if (name.length === 0 || name.length > 100) problems.push(`choices[${i}].name: length ${name.length} not in 1..100`);
      if (typeof choice.value === 'string' && choice.value.length > 100) problems.push(`choices[${i}].value: longer than 100`);
    });
    return problems;
  }
  return [5, 6, 7, 9].includes(Number(body.type)) ? [] : [`type: unknown ${String(body.type)}`];
}

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

function commandProblems(body: unknown): string[] {
  if (!Array.isArray(body)) return ['body must be an array of commands'];
  return (body as Json[]).flatMap((command, i) => {
    const at = `[${i}]`;
    const problems: string[] = [];
    const name = text(command.name);
    if (!NAME.test(name) || name !== name.toLowerCase()) problems.push(`${at}.name: "${name}" is not a valid command name`);
    const description = text(command.description);
    if (description.length === 0 || description.length > 100) problems.push(`${at}.description: length ${description.length} not in 1..100`);
    const options = Array.isArray(command.options) ? (command.options as Json[]) : [];
    if (options.length > 25) problems.push(`${at}.options: ${options.length} > 25`);
    let optionalSeen = false;
    options.forEach((option, j) => {
      const o = `${at}.options[${j}]`;
      const optionName = text(option.name);
      if (!NAME.test(optionName) || optionName !== optionName.toLowerCase()) problems.push(`${o}.name: "${optionName}" is not valid`);
      const optionDescription = text(option.description);
      if (optionDescription.length === 0 || optionDescription.length > 100) problems.push(`${o}.description: length ${optionDescription.length} not in 1..100`);
      if (option.required === true && optionalSeen) problems.push(`${o}: required options must come before optional ones`);
      if (option.required !== true) optionalSeen = true;
      const choices = Array.isArray(option.choices) ? (option.choices as Json[]) : [];
      if (choices.length > 25) problems.push(`${o}.choices: ${choices.length} > 25`);
      if (choices.length > 0 && option.autocomplete === true) problems.push(`${o}: autocomplete and choices are exclusive`);
    });
    return problems;
  });
}

export const discordProblems = Object.freeze({ message: messageProblems, callback: callbackProblems, commands: commandProblems });
