import { z } from 'zod';
import type { CommandDefinition } from './command';
import { commandRef } from './commandRef';
import type { CompletionSource } from './completion';

/**
 * A command's options in the terms every platform understands, read off its zod schema
 * (through its JSON Schema) so that no adapter declares an option a second time.
 */
export interface OptionSpec {
  name: string;
  description: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
  /** Takes several values (e.g. the parties to compare). */
  list: boolean;
  required: boolean;
  choices?: string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  /** Where the option's values come from, for autocompletion, as the option declares it. */
  autocomplete?: CompletionSource;
}

interface JsonSchemaProperty {
  type?: string;
  description?: string;
  enum?: unknown[];
  items?: JsonSchemaProperty;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
}

const cache = new WeakMap<CommandDefinition, OptionSpec[]>();

export function optionSpecs(command: CommandDefinition): OptionSpec[] {
  const cached = cache.get(command);
  if (cached) return cached;
  const schema = z.toJSONSchema(command.options, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, JsonSchemaProperty>;
    required?: string[];
  };
  const specs = Object.entries(schema.properties ?? {}).map(([name, property]): OptionSpec => {
    const list = property.type === 'array';
    const autocomplete = autocompleteOf(command.options.shape[name]);
    const value = list ? (property.items ?? {}) : property;
    const type = value.type === 'integer' || value.type === 'number' || value.type === 'boolean' ? value.type : 'string';
    return {
      name,
      description: property.description ?? name,
      type,
      list,
      required: schema.required?.includes(name) ?? false,
      ...(value.enum ? { choices: value.enum.map(String) } : {}),
      ...(value.minLength !== undefined ? { minLength: value.minLength } : {}),
      ...(value.maxLength !== undefined ? { maxLength: value.maxLength } : {}),
      ...(value.minimum !== undefined ? { minimum: value.minimum } : {}),
      ...(value.maximum !== undefined ? { maximum: value.maximum } : {}),
      ...(property.maxItems !== undefined ? { maxItems: property.maxItems } : {}),
      ...(autocomplete ? { autocomplete } : {}),
    };
  });
  cache.set(command, specs);
  return specs;
}

/**
 * The source an option declares in its metadata, wherever it sits among the wrappers
 * (`.optional()`, `.default()`, a list's items); a JSON Schema cannot carry a function.
 */
function autocompleteOf(schema: z.core.$ZodType | undefined): CompletionSource | undefined {
  for (let current = schema; current; current = innerSchema(current)) {
    const source = z.globalRegistry.get(current)?.autocomplete;
    if (source) return source;
  }
  return undefined;
}

function innerSchema(schema: z.core.$ZodType): z.core.$ZodType | undefined {
  const def = schema._zod.def as { innerType?: z.core.$ZodType; element?: z.core.$ZodType };
  return def.innerType ?? def.element;
}

/** "/ask <question>", "/position <party> [topic]": the usage line shown by help and errors, with a reference to the command. */
export function usage(command: CommandDefinition): string {
  const args = usageArguments(command);
  return args ? `${commandRef(command.name)} ${args}` : commandRef(command.name);
}

/** "<question>", "<party> [topic]": what follows the command's name in its usage line. */
export function usageArguments(command: CommandDefinition): string {
  const specs = new Map(optionSpecs(command).map((spec) => [spec.name, spec]));
  const positional = command.positional ?? [];
  const parts = positional.map((name) => {
    const spec = specs.get(name);
    const label = spec?.list ? `${name}…` : name;
    return spec?.required ? `<${label}>` : `[${label}]`;
  });
  const named = [...specs.values()].filter((spec) => !positional.includes(spec.name)).map((spec) => `[--${spec.name}]`);
  return [...parts, ...named].join(' ');
}
