/** A plain, labelled table for lists of records; rows carry their actions at the end. */
import { Paper, Table, Text } from '@mantine/core';

export function DataTable({
  label,
  headers,
  empty,
  children,
  count,
}: {
  label: string;
  headers: readonly string[];
  empty: string;
  count: number;
  children: React.ReactNode;
}): React.JSX.Element {
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              {headers.map((h) => (
                <Table.Th key={h} scope="col">
                  {h}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {count === 0 && (
        <Text c="dimmed" ta="center" p="lg">
          {empty}
        </Text>
      )}
    </Paper>
  );
}

/** A calendar date (`2026-03-01`) in the UI language, without time-zone drift. */
export function formatDate(iso: string | null, language: string): string | null {
  if (!iso) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  // Day before month in both languages, as the date fields (DateField) are typed.
  const locale = language === 'es' ? 'es-ES' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}
