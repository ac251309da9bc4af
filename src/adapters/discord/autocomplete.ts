import type { APIApplicationCommandOptionChoice } from 'discord.js';
import type { Parley } from '../../app/parley';
import type { Suggestion } from '../../core/completion';
import type { OptionSpec } from '../../core/optionSpec';
import { truncate } from '../../present/fit';
import { DISCORD_LIMITS as LIMIT } from './limits';
import { specOf, splitList, type InteractionOption } from './slashCommands';

/**
 * The choices Discord shows while a user types an option: from the option's vocabulary
 * (parties, topics) or its allowed values. Computed at once from memory, never deferred,
 * at most 25. In a list option ("russia, ukr") the last value is completed.
 */
export function autocompleteChoices(parley: Parley, commandName: string, focused: InteractionOption): APIApplicationCommandOptionChoice[] {
  const command = parley.commands().find((c) => c.name === commandName);
  const spec = command && specOf(command, focused.name);
  if (!spec) return [];
  const typed = String(focused.value ?? '');
  const items = spec.list ? typed.split(/[,;]/u) : [typed];
  const chosen = splitList(items.slice(0, -1).join(','));
  const prefix = chosen.length > 0 ? `${chosen.join(', ')}, ` : '';
  return suggest(parley, spec, items.at(-1) ?? '')
    .filter((s) => !chosen.includes(s.value) && prefix.length + s.value.length <= LIMIT.choiceValue)
    .map((s) => choice(spec, `${prefix}${s.label}`, `${prefix}${s.value}`));
}

function suggest(parley: Parley, spec: OptionSpec, typed: string): Suggestion[] {
  if (spec.autocomplete) return parley.suggestions(spec.autocomplete, typed, LIMIT.choicesPerOption);
  const needle = typed.trim().toLowerCase();
  return (spec.choices ?? [])
    .filter((c) => c.toLowerCase().includes(needle))
    .slice(0, LIMIT.choicesPerOption)
    .map((c) => ({ label: c, value: c }));
}

function choice(spec: OptionSpec, label: string, value: string): APIApplicationCommandOptionChoice {
  const name = truncate(label, LIMIT.choiceName);
  const numeric = !spec.list && (spec.type === 'integer' || spec.type === 'number');
  return numeric ? { name, value: Number(value) } : { name, value };
}
