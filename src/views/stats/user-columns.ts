/** The user id (CSV only) and user name columns that every per-user statistics table starts with. */
import { column, type TableColumn } from '../../components/table/define-column.ts';

export function userColumns<T extends { userId: number; user: string }>(
  footerLabel?: string,
): TableColumn<T>[] {
  return [
    column<T>({
      id: 'userId',
      header: 'User id',
      value: (r) => r.userId,
      csv: 'user_id',
      csvOnly: true,
    }),
    column<T>({
      id: 'user',
      header: 'User',
      width: 'auto',
      value: (r) => r.user,
      csv: 'user',
      footerLabel,
    }),
  ];
}
