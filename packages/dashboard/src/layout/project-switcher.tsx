import { useQuery } from '@tanstack/react-query'
import { queries } from '../api/queries'
import { useI18n } from '../i18n/i18n'
import { navigate } from '../router/history'

const NEW = '__new__'

/** Switches project, keeping the section (customers stay customers). */
export function ProjectSwitcher({ projectId, section }: { projectId: string; section: string }) {
  const { t } = useI18n()
  const projects = useQuery(queries.projects())
  const change = (value: string) => {
    if (value === NEW) navigate('/projects/new')
    else navigate(`/p/${value}${section}`)
  }
  return (
    <label className="project-switcher">
      <span className="visually-hidden">{t('nav.project')}</span>
      <select value={projectId} onChange={(event) => change(event.target.value)}>
        {(projects.data ?? []).map((project) => (
          <option key={project.id} value={project.id}>
            {project.name}
          </option>
        ))}
        <option value={NEW}>{t('nav.newProject')}</option>
      </select>
    </label>
  )
}
