// The "name + record type" pair of fields shared by the lookup and the
// resolvers-side-by-side tools: labelled, with a hint and an announced error.
import { RR_TYPES, type RRType } from '~/core';
import { TextField } from './TextField';

/** A record type from user or URL input, or undefined when it is not one the tools ask for. */
export function parseType(value: string | undefined): RRType | undefined {
  const upper = value?.trim().toUpperCase();
  return (RR_TYPES as readonly string[]).includes(upper ?? '') ? (upper as RRType) : undefined;
}

export interface NameTypeFieldsProps {
  /** Prefix for element ids (from useId). */
  ids: string;
  name: string;
  setName: (name: string) => void;
  type: RRType;
  setType: (type: RRType) => void;
  types: readonly RRType[];
  labels: { readonly name: string; readonly hint: string; readonly type: string };
  /** The message for an unusable name, or '' when there is none. */
  error: string;
}

export function NameTypeFields({ ids, name, setName, type, setType, types, labels, error }: NameTypeFieldsProps) {
  return (
    <div className="mg-row">
      <TextField
        id={`${ids}-name`}
        name="name"
        fieldClassName="mg-field mg-grow"
        label={labels.name}
        hint={labels.hint}
        error={error}
        inputMode="url"
        autoCapitalize="off"
        maxLength={1024}
        value={name}
        onValue={setName}
      />
      <div className="mg-field">
        <label htmlFor={`${ids}-type`}>{labels.type}</label>
        <select id={`${ids}-type`} name="type" value={type} onChange={(e) => setType(e.target.value as RRType)}>
          {types.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
