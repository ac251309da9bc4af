import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandDefinition } from '../../core/command';
import { optionSpecs, type OptionSpec } from '../../core/optionSpec';
import { truncate } from '../../present/fit';
import { DISCORD_LIMITS as LIMIT } from './limits';

/**
 * The mapping between Parley's commands and Discord's slash commands, both ways: the
 * definitions `npm run register` uploads, generated from each command's option specs, and
 * the options of an incoming interaction read back into the command's options.
 *
 * Discord has no list options, so a list (the parties to compare) is one text option whose
 * values are separated by commas; its autocompletion completes the last value.
 */

/** An option as it arrives in an interaction (gateway or HTTP). */
export interface InteractionOption {
  name: string;
  value?: string | number | boolean;
  focused?: boolean;
}

const LIST_HINT = ' (separate several with commas)';

export function slashCommandDefinitions(commands: readonly CommandDefinition[]): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map((command) => {
    const specs = optionSpecs(command);
    if (specs.length > LIMIT.optionsPerCommand) {
      throw new Error(`/${command.name} has ${specs.length} options; Discord allows ${LIMIT.optionsPerCommand}.`);
    }
    // Discord requires the required options first.
    const ordered = [...specs.filter((s) => s.required), ...specs.filter((s) => !s.required)];
    return {
      type: ApplicationCommandType.ChatInput,
      name: command.name,
      description: command.description,
      options: ordered.map(optionDefinition),
      // Server admins can widen this in Server Settings › Integrations; the handler checks again.
      ...(command.managesChannel ? { default_member_permissions: String(PermissionFlagsBits.ManageGuild) } : {}),
    };
  });
}

function optionDefinition(spec: OptionSpec): APIApplicationCommandBasicOption {
  const description = spec.list
    ? `${truncate(spec.description, LIMIT.commandDescription - LIST_HINT.length)}${LIST_HINT}`
    : truncate(spec.description, LIMIT.commandDescription);
  const common = { name: discordOptionName(spec.name), description, required: spec.required };
  if (spec.type === 'boolean' && !spec.list) return { ...common, type: ApplicationCommandOptionType.Boolean };
  // Fixed choices when Discord can show them all; more (or a vocabulary) through autocompletion.
  const fixed = !spec.list && !spec.autocomplete && spec.choices && spec.choices.length <= LIMIT.choicesPerOption ? spec.choices : null;
  const completes = !fixed && Boolean(spec.autocomplete || spec.choices);
  const choicesOf = <V>(value: (choice: string) => V) =>
    fixed ? { choices: fixed.map((c) => ({ name: truncate(c, LIMIT.choiceName), value: value(c) })) } : completes ? { autocomplete: true as const } : {};
  if (spec.list || spec.type === 'string') {
    return {
      ...common,
      type: ApplicationCommandOptionType.String,
      ...choicesOf(String),
      ...(!spec.list && spec.minLength !== undefined ? { min_length: spec.minLength } : {}),
      ...(!spec.list && spec.maxLength !== undefined ? { max_length: spec.maxLength } : {}),
    };
  }
  const range = {
    // zod's .int() implies the safe-integer bounds; they say nothing to a user.
    ...(spec.minimum !== undefined && spec.minimum > Number.MIN_SAFE_INTEGER ? { min_value: spec.minimum } : {}),
    ...(spec.maximum !== undefined && spec.maximum < Number.MAX_SAFE_INTEGER ? { max_value: spec.maximum } : {}),
  };
  return spec.type === 'integer'
    ? { ...common, type: ApplicationCommandOptionType.Integer, ...choicesOf(Number), ...range }
    : { ...common, type: ApplicationCommandOptionType.Number, ...choicesOf(Number), ...range };
}

/** Discord's option names are lower case: `maxResults` becomes `max_results`. */
export const discordOptionName = (name: string): string => name.replace(/([a-z0-9])([A-Z])/gu, '$1_$2').toLowerCase();

/** The spec of an interaction option, by its Discord name. */
export function specOf(command: CommandDefinition, discordName: string): OptionSpec | undefined {
  return optionSpecs(command).find((spec) => discordOptionName(spec.name) === discordName);
}

/** An interaction's options as the command's options; the command's schema validates them. */
export function optionsFromInteraction(command: CommandDefinition, options: readonly InteractionOption[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const option of options) {
    const spec = specOf(command, option.name);
    if (spec && option.value !== undefined) result[spec.name] = spec.list ? splitList(String(option.value)) : option.value;
  }
  return result;
}

/** "russia, ukraine" → ["russia", "ukraine"]. */
export const splitList = (text: string): string[] =>
  text
    .split(/[,;]/u)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
