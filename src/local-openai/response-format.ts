/**
 * Makes a reply honour `response_format`: always a JSON object for json_object, and for
 * json_schema an object carrying every required key (missing ones filled with an empty value
 * of the declared type, unknown ones dropped when the schema forbids them).
 */

export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | { type: 'json_schema'; json_schema: { name: string; schema?: JsonSchema; strict?: boolean | null } };

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  const?: unknown;
  [key: string]: unknown;
}

function parseObject(text: string): Record<string, unknown> | null {
  const attempt = (s: string) => {
    try {
      const v: unknown = JSON.parse(s);
      return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  };
  const direct = attempt(text.trim());
  if (direct) return direct;
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  return start >= 0 && end > start ? attempt(text.slice(start, end + 1)) : null;
}

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.anyOf) return schema.anyOf.flatMap(typesOf);
  if (schema.properties) return ['object'];
  return [];
}

function emptyValue(schema: JsonSchema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum && schema.enum.length) return schema.enum[0];
  const types = typesOf(schema);
  if (types.includes('null')) return null;
  switch (types[0]) {
    case 'string':
      return '';
    case 'number':
    case 'integer':
      return 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return conform({}, schema);
    default:
      return null;
  }
}

function conform(value: Record<string, unknown>, schema: JsonSchema): Record<string, unknown> {
  const properties = schema.properties ?? {};
  const out: Record<string, unknown> = {};
  const closed = schema.additionalProperties === false;
  for (const [key, v] of Object.entries(value)) {
    if (closed && !(key in properties)) continue;
    const sub = properties[key];
    out[key] = sub && typesOf(sub)[0] === 'object' && typeof v === 'object' && v !== null && !Array.isArray(v) ? conform(v as Record<string, unknown>, sub) : v;
  }
  for (const key of schema.required ?? []) {
    if (!(key in out)) out[key] = emptyValue(properties[key] ?? {});
  }
  return out;
}

export function applyResponseFormat(content: string, format: ResponseFormat | undefined): string {
  if (!format || format.type === 'text') return content;
  const parsed = parseObject(content);
  if (format.type === 'json_object') return parsed ? JSON.stringify(parsed) : JSON.stringify({ response: content });
  const schema = format.json_schema.schema ?? {};
  let base = parsed;
  if (!base) {
    // Plain text: put it in the first string property the schema asks for.
    const firstString = Object.entries(schema.properties ?? {}).find(([, s]) => typesOf(s).includes('string'))?.[0];
    base = firstString ? { [firstString]: content } : {};
  }
  return JSON.stringify(conform(base, schema));
}
