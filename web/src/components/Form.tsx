/**
 * A filter form whose fields are URL parameters: submitting navigates to the same view with the new query
 * (empty fields dropped, the page reset), so the filters are part of the URL.
 */
import type { ComponentChildren } from 'preact';
import { navigate, qs } from '../router';

export function FilterForm({ label, children, action }: { label: string; children: ComponentChildren; action?: string }) {
  return (
    <form
      class="filters"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        const data = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
        navigate((action ?? location.pathname) + qs(data));
      }}
    >
      {children}
      <button type="submit">Apply</button>
    </form>
  );
}

interface FieldProps {
  name: string;
  label: string;
  value?: string;
  placeholder?: string;
  type?: 'text' | 'date' | 'number' | 'search';
  pattern?: string;
  title?: string;
}

export function Field({ name, label, value, placeholder, type = 'text', pattern, title }: FieldProps) {
  return (
    <label class="field">
      <span>{label}</span>
      <input name={name} type={type as "text"} value={value ?? ''} placeholder={placeholder} pattern={pattern} title={title} />
    </label>
  );
}

export function Select({ name, label, value, options }: { name: string; label: string; value?: string; options: [string, string][] }) {
  return (
    <label class="field">
      <span>{label}</span>
      <select name={name} value={value ?? ''}>
        {options.map(([v, text]) => (
          <option value={v}>{text}</option>
        ))}
      </select>
    </label>
  );
}
