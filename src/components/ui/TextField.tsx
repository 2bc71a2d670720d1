// A labelled text input with its hint and its announced error, as every
// widget's form uses it (the input is described by both; role=alert speaks
// the error as it appears).
import type { InputHTMLAttributes, ReactNode } from 'react';

type InputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'value' | 'onChange' | 'aria-describedby' | 'aria-invalid'
>;

export interface TextFieldProps extends InputProps {
  id: string;
  label: string;
  hint: ReactNode;
  /** The message for unusable input, or '' when there is none. */
  error: string;
  value: string;
  onValue: (value: string) => void;
  /** Classes of the wrapper (default `mg-field`). */
  fieldClassName?: string;
}

export function TextField({
  id,
  label,
  hint,
  error,
  value,
  onValue,
  fieldClassName = 'mg-field',
  ...input
}: TextFieldProps) {
  return (
    <div className={fieldClassName}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        autoComplete="off"
        spellCheck={false}
        {...input}
        value={value}
        aria-describedby={`${id}-hint ${id}-error`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onValue(e.target.value)}
      />
      <p id={`${id}-hint`} className="mg-hint">
        {hint}
      </p>
      <p id={`${id}-error`} className="mg-error" role="alert">
        {error}
      </p>
    </div>
  );
}
