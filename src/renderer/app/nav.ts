/**
 * The screens of the navigation, in order. This is the single list the side bar and the routes
 * are built from: a screen that works is added here with one line, and only then does it appear.
 *
 * The navigation follows the role (docs/roles.md): each entry names the roles it is for (all of
 * them when left out), and each role lands on its own first screen — an auditor on "My audits",
 * a manager on the reviews of their services, a coordinator on the programme overview.
 */
import type { ComponentType } from 'react';
import type { Role } from '../../shared/api/roles';
import { BackupsScreen } from '../screens/BackupsScreen';
import { DashboardsScreen } from '../screens/DashboardsScreen';
import { MyAuditsScreen } from '../screens/MyAuditsScreen';
import { OverviewScreen } from '../screens/OverviewScreen';
import { PeopleScreen } from '../screens/PeopleScreen';
import { ProgrammeScreen } from '../screens/ProgrammeScreen';
import { ReviewsScreen } from '../screens/ReviewsScreen';
import { ServicesScreen } from '../screens/ServicesScreen';
import { TemplatesScreen } from '../screens/TemplatesScreen';
import { AuditsScreen } from '../screens/AuditsScreen';
import { ReportsScreen } from '../screens/ReportsScreen';
import { ActionPlanScreen } from '../screens/ActionPlanScreen';

export interface NavEntry {
  path: string;
  labelKey:
    | 'nav.overview'
    | 'nav.myAudits'
    | 'nav.reviews'
    | 'nav.programme'
    | 'nav.services'
    | 'nav.people'
    | 'nav.templates'
    | 'nav.audits'
    | 'nav.reports'
    | 'nav.backups'
    | 'nav.dashboards'
    | 'nav.actionPlan';
  screen: ComponentType;
  /** The roles this screen is for; every role when left out. */
  roles?: readonly Role[];
}

export const NAV: readonly NavEntry[] = [
  { path: '/overview', labelKey: 'nav.overview', screen: OverviewScreen, roles: ['coordinator'] },
  { path: '/my-audits', labelKey: 'nav.myAudits', screen: MyAuditsScreen, roles: ['auditor'] },
  { path: '/reviews', labelKey: 'nav.reviews', screen: ReviewsScreen, roles: ['manager'] },
  // After each role's landing screen: the coordinator's overview, the manager's reviews.
  { path: '/dashboards', labelKey: 'nav.dashboards', screen: DashboardsScreen, roles: ['coordinator', 'manager'] },
  { path: '/programme', labelKey: 'nav.programme', screen: ProgrammeScreen, roles: ['coordinator'] },
  { path: '/services', labelKey: 'nav.services', screen: ServicesScreen },
  { path: '/people', labelKey: 'nav.people', screen: PeopleScreen, roles: ['coordinator'] },
  { path: '/templates', labelKey: 'nav.templates', screen: TemplatesScreen, roles: ['coordinator'] },
  { path: '/audits', labelKey: 'nav.audits', screen: AuditsScreen, roles: ['auditor', 'coordinator'] },
  // The Local Action Plan is public to everyone in the programme.
  { path: '/plan', labelKey: 'nav.actionPlan', screen: ActionPlanScreen },
  { path: '/reports', labelKey: 'nav.reports', screen: ReportsScreen, roles: ['coordinator'] },
  // Every installation backs up its own data: an auditor's laptop holds their field records.
  { path: '/backups', labelKey: 'nav.backups', screen: BackupsScreen },
];

/** The entries a role sees, in order. */
export const navFor = (role: Role): NavEntry[] => NAV.filter((e) => !e.roles || e.roles.includes(role));

/** Where a role lands: its first screen. */
export const landingFor = (role: Role): string => navFor(role)[0]?.path ?? '/';
