/** One figure with its label, as the overview and the dashboards show their counts. */
import { Paper, Text } from '@mantine/core';

export function Count({ label, value, testId }: { label: string; value: number; testId: string }): React.JSX.Element {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}
