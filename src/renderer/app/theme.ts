/**
 * One calm look: a single primary colour, shades chosen so text on it (and it on white) meets
 * WCAG AA contrast. Mantine's default "dimmed" and error greys/reds are too light for AA on
 * white, so they are darkened here once instead of per component.
 */
import { createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 5 },
  defaultRadius: 'sm',
  respectReducedMotion: true,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif',
  headings: { fontWeight: '600' },
  components: {
    // Badges read as labels, not buttons: light variant, dark text.
    Badge: { defaultProps: { variant: 'light', radius: 'sm' } },
    // The active entry as a solid bar: white on the primary colour is 5.7:1.
    NavLink: { defaultProps: { variant: 'filled' } },
    Modal: { styles: { title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } } },
  },
});

/**
 * Mantine draws "light" and "subtle" variants (badges, alerts, subtle buttons) in shade 6, which
 * is below 4.5:1 for most colours; shade 9 passes on white and on the light tint for the colours
 * used here (indigo, red, grape, gray, teal). Orange, yellow, green and lime do not: avoid them
 * for text.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    ...Object.fromEntries(
      Object.keys(t.colors).map((c) => [`--mantine-color-${c}-light-color`, `var(--mantine-color-${c}-9)`]),
    ),
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  },
  dark: {},
});
