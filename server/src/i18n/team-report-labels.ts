import type { ServerLocale } from './report-labels.ts';

/** The words team games add to the downloaded files (report-labels.ts has the rest). */
export interface TeamReportLabels {
  /** Column of a student's team; English keeps the snake_case key `team`. */
  team: string;
  /** Column listing a team's members; English `members`. */
  members: string;
  /** The xlsx sheet of teams. */
  sheet: string;
}

const TEAM_LABELS: Record<ServerLocale, TeamReportLabels> = {
  en: { team: 'team', members: 'members', sheet: 'Teams' },
  es: { team: 'Equipo', members: 'Miembros', sheet: 'Equipos' },
  fr: { team: 'Équipe', members: 'Membres', sheet: 'Équipes' },
  de: { team: 'Team', members: 'Mitglieder', sheet: 'Teams' },
  'pt-BR': { team: 'Equipe', members: 'Membros', sheet: 'Equipes' },
  ar: { team: 'الفريق', members: 'الأعضاء', sheet: 'الفرق' },
  'zh-CN': { team: '队伍', members: '成员', sheet: '队伍' },
  pl: { team: 'Drużyna', members: 'Członkowie', sheet: 'Drużyny' },
};

/** The team words for a language. */
export function teamReportLabels(locale: ServerLocale): TeamReportLabels {
  return TEAM_LABELS[locale];
}
