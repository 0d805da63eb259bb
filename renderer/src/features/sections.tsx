import {
  ApartmentOutlined,
  BankOutlined,
  BarChartOutlined,
  DashboardOutlined,
  ProjectOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { Section } from '../stores/app';

/** Each section's page, loaded when first opened. Features replace their own line, nothing else. */
export const SECTION_PAGES: Record<Section, { icon: ReactNode; page: LazyExoticComponent<ComponentType> }> = {
  home: { icon: <DashboardOutlined />, page: lazy(() => import('./home/HomePage')) },
  projects: { icon: <ProjectOutlined />, page: lazy(() => import('./projects/ProjectsPage')) },
  enterprises: { icon: <BankOutlined />, page: lazy(() => import('./enterprises/EnterprisesPage')) },
  chains: { icon: <ApartmentOutlined />, page: lazy(() => import('./chains/ChainsPage')) },
  stats: { icon: <BarChartOutlined />, page: lazy(() => import('./fdi-stats/StatsPage')) },
  settings: { icon: <SettingOutlined />, page: lazy(() => import('./settings/SettingsPage')) },
};
