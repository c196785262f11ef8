interface ProjectOption {
  id: number;
  title: string;
}

interface Props {
  projects: readonly ProjectOption[];
  value: number | null;
  onChange: (projectId: number) => void;
  disabled?: boolean;
}

export function ProjectPicker({ projects, value, onChange, disabled }: Props) {
  return (
    <label className="project-picker">
      Project
      <select
        value={value ?? ''}
        disabled={disabled || projects.length === 0}
        onChange={(e) => onChange(Number(e.target.value))}
      >
        {value === null ? <option value="">—</option> : null}
        {projects.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title} (#{p.id})
          </option>
        ))}
      </select>
    </label>
  );
}
