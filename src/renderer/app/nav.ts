/**
 * The screens of the navigation, in order. This is the single list the side bar and the routes
 * are built from: a screen that works is added here with one line, and only then does it appear.
 */
import type { ComponentType } from 'react';
import { PeopleScreen } from '../screens/PeopleScreen';
import { ProgrammeScreen } from '../screens/ProgrammeScreen';
import { ServicesScreen } from '../screens/ServicesScreen';
import { ReportsScreen } from '../screens/ReportsScreen';

export interface NavEntry {
  path: string;
  labelKey: 'nav.programme' | 'nav.services' | 'nav.people' | 'nav.reports';
  screen: ComponentType;
}

export const NAV: readonly NavEntry[] = [
  { path: '/programme', labelKey: 'nav.programme', screen: ProgrammeScreen },
  { path: '/services', labelKey: 'nav.services', screen: ServicesScreen },
  { path: '/people', labelKey: 'nav.people', screen: PeopleScreen },
  { path: '/reports', labelKey: 'nav.reports', screen: ReportsScreen },
];
