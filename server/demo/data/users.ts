/**
 * Demo users. The AnonymousUser has ID 1 as on the reference server; `admin` made the
 * meta-annotations and volumes. Names are invented.
 */
import type { DemoUser } from './types.ts';

const people: [string, string, string][] = [
  ['aortiz', 'Ana', 'Ortiz'],
  ['bkeller', 'Ben', 'Keller'],
  ['cnakamura', 'Chiho', 'Nakamura'],
  ['dmensah', 'Daniel', 'Mensah'],
  ['efischer', 'Eva', 'Fischer'],
  ['fsilva', 'Felipe', 'Silva'],
  ['gpetrova', 'Galina', 'Petrova'],
  ['hobrien', 'Hannah', "O'Brien"],
  ['ikhan', 'Imran', 'Khan'],
  ['jlindqvist', 'Johanna', 'Lindqvist'],
];

const colours: [number, number, number][] = [
  [1.0, 0.4, 0.0],
  [0.0, 0.6, 1.0],
  [0.6, 0.2, 1.0],
  [0.2, 0.8, 0.2],
  [1.0, 0.0, 0.5],
  [0.9, 0.8, 0.0],
  [0.0, 0.8, 0.8],
  [0.5, 0.3, 0.1],
  [1.0, 0.6, 0.6],
  [0.3, 0.3, 0.9],
];

export const ANONYMOUS_USER_ID = 1;
export const ADMIN_USER_ID = 2;

export function demoUsers(): DemoUser[] {
  const users: DemoUser[] = [
    {
      id: ANONYMOUS_USER_ID,
      login: 'AnonymousUser',
      firstName: '',
      lastName: '',
      color: [0.0, 1.0, 0.0],
    },
    {
      id: ADMIN_USER_ID,
      login: 'admin',
      firstName: 'Demo',
      lastName: 'Admin',
      color: [1.0, 1.0, 1.0],
    },
  ];
  people.forEach(([login, firstName, lastName], i) => {
    users.push({ id: 3 + i, login, firstName, lastName, color: colours[i] ?? [0.5, 0.5, 0.5] });
  });
  return users;
}

/** Tracer user IDs (everyone but anonymous and admin). */
export const TRACER_IDS: readonly number[] = people.map((_, i) => 3 + i);
