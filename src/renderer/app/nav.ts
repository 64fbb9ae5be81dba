/**
 * The screens of the navigation, in order. This is the single list the side bar and the routes
 * are built from: a screen that works is added here with one line, and only then does it appear.
 */
import type { ComponentType } from 'react';
import { PeopleScreen } from '../screens/PeopleScreen';
import { ProgrammeScreen } from '../screens/ProgrammeScreen';
import { ServicesScreen } from '../screens/ServicesScreen';
import { AuditsScreen } from '../screens/AuditsScreen';

export interface NavEntry {
  path: string;
  labelKey: 'nav.programme' | 'nav.services' | 'nav.people' | 'nav.audits';
  screen: ComponentType;
}

export const NAV: readonly NavEntry[] = [
  { path: '/programme', labelKey: 'nav.programme', screen: ProgrammeScreen },
  { path: '/services', labelKey: 'nav.services', screen: ServicesScreen },
  { path: '/people', labelKey: 'nav.people', screen: PeopleScreen },
  { path: '/audits', labelKey: 'nav.audits', screen: AuditsScreen },
];
