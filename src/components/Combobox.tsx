import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { indexOptions, matchOptions } from '../lib/match-options.ts';

export interface ComboOption {
  value: string;
  label: string;
  /** Extra text after the label, e.g. a user's full name. */
  hint?: string;
}

interface Props {
  label: string;
  value: string;
  onChange: (text: string) => void;
  /** Called when an option is chosen from the list (click or Enter). */
  onPick?: (option: ComboOption) => void;
  options: readonly ComboOption[];
  placeholder?: string;
  invalid?: boolean;
  describedBy?: string;
}

/** An accessible autocomplete text field (WAI-ARIA combobox with a listbox popup). */
export function Combobox({
  label,
  value,
  onChange,
  onPick,
  options,
  placeholder,
  invalid,
  describedBy,
}: Props) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const index = useMemo(
    () => indexOptions(options, (o) => `${o.label} ${o.hint ?? ''}`),
    [options],
  );
  const matches = useMemo(() => (open ? matchOptions(index, value, 50) : []), [index, value, open]);

  function pick(option: ComboOption) {
    onChange(option.label);
    onPick?.(option);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, matches.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter' && open && matches[active]) {
      event.preventDefault();
      pick(matches[active]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  }

  return (
    <div className="combobox">
      <label>
        {label}
        <input
          type="text"
          role="combobox"
          autoComplete="off"
          aria-expanded={open && matches.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && matches[active] ? `${listId}-${active}` : undefined}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={describedBy}
          value={value}
          placeholder={placeholder}
          onChange={(e) => {
            onChange(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
      </label>
      {open && matches.length > 0 ? (
        <ul
          id={listId}
          role="listbox"
          aria-label={`${label} suggestions`}
          className="combobox-list"
        >
          {matches.map((option, i) => (
            <li
              key={option.value}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(option);
              }}
            >
              {option.label}
              {option.hint ? <span className="hint"> {option.hint}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
