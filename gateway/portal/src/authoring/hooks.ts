// Server state of the authoring screens: frameworks, versions, trees, diffs, role profiles, learning resources
// and assessments, with the mutations that change them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  assessmentAuthoringApi,
  type AssessmentDefinition,
  type NewAssessment,
} from '../api/assessment-authoring';
import {
  frameworksAuthoringApi,
  type ResourceDefinition,
  type RoleProfileDefinition,
} from '../api/framework-authoring';
import { frameworksApi, type FrameworkContent, type NewFramework } from '../api/frameworks';

export const keys = {
  frameworks: ['frameworks'] as const,
  framework: (frameworkId: string) => ['frameworks', frameworkId] as const,
  version: (frameworkId: string, version: number) => ['frameworks', frameworkId, 'versions', version] as const,
  tree: (frameworkId: string, version: number) => ['frameworks', frameworkId, 'versions', version, 'tree'] as const,
  diff: (frameworkId: string, from: number, to: number) => ['frameworks', frameworkId, 'diff', from, to] as const,
  roleProfiles: ['role-profiles'] as const,
  resources: ['learning-resources'] as const,
  assessments: (competencyId: string) => ['assessments', 'by-competency', competencyId] as const,
  assessment: (assessmentId: string) => ['assessments', assessmentId] as const,
};

export function useFrameworks(q?: string) {
  return useQuery({
    queryKey: [...keys.frameworks, 'list', q ?? ''],
    queryFn: ({ signal }) => frameworksApi.list(q ? { q } : undefined, signal),
  });
}

export function useFramework(frameworkId: string) {
  return useQuery({ queryKey: keys.framework(frameworkId), queryFn: ({ signal }) => frameworksApi.get(frameworkId, signal) });
}

export function useVersion(frameworkId: string | undefined, version: number | undefined) {
  return useQuery({
    queryKey: keys.version(frameworkId ?? '', version ?? 0),
    queryFn: ({ signal }) => frameworksApi.version(frameworkId!, version!, signal),
    enabled: Boolean(frameworkId) && Boolean(version),
  });
}

export function useTree(frameworkId: string, version: number | undefined) {
  return useQuery({
    queryKey: keys.tree(frameworkId, version ?? 0),
    queryFn: ({ signal }) => frameworksApi.tree(frameworkId, version!, signal),
    enabled: Boolean(version),
  });
}

export function useDiff(frameworkId: string, from: number | undefined, to: number | undefined) {
  return useQuery({
    queryKey: keys.diff(frameworkId, from ?? 0, to ?? 0),
    queryFn: ({ signal }) => frameworksAuthoringApi.diff(frameworkId, from!, to!, signal),
    enabled: Boolean(from) && Boolean(to),
  });
}

/** Any change to a framework makes its summary, versions and trees stale. */
function useFrameworkChanged() {
  const client = useQueryClient();
  return (frameworkId?: string) =>
    client.invalidateQueries({ queryKey: frameworkId ? keys.framework(frameworkId) : keys.frameworks });
}

export function useCreateFramework() {
  const changed = useFrameworkChanged();
  return useMutation({
    mutationFn: (body: NewFramework) => frameworksApi.create(body),
    onSuccess: () => changed(),
  });
}

export function useEditDraft(frameworkId: string) {
  const changed = useFrameworkChanged();
  return useMutation({
    mutationFn: (content: FrameworkContent) => frameworksApi.editDraft(frameworkId, content),
    onSuccess: () => Promise.all([changed(frameworkId), changed()]),
  });
}

export function usePublish(frameworkId: string) {
  const changed = useFrameworkChanged();
  return useMutation({
    mutationFn: () => frameworksApi.publish(frameworkId),
    onSuccess: () => Promise.all([changed(frameworkId), changed()]),
  });
}

export function useRetire(frameworkId: string) {
  const changed = useFrameworkChanged();
  return useMutation({
    mutationFn: (reason: string) => frameworksApi.retire(frameworkId, reason || undefined),
    onSuccess: () => Promise.all([changed(frameworkId), changed()]),
  });
}

export function useCaseImport() {
  const changed = useFrameworkChanged();
  return useMutation({
    mutationFn: ({ pkg, dryRun, publish, code }: { pkg: unknown; dryRun: boolean; publish?: boolean; code?: string }) =>
      frameworksAuthoringApi.caseImport(pkg, { dryRun, publish, code }),
    onSuccess: (report) => (report.dryRun ? undefined : changed()),
  });
}

export function useRoleProfiles() {
  return useQuery({ queryKey: keys.roleProfiles, queryFn: ({ signal }) => frameworksAuthoringApi.roleProfiles(undefined, signal) });
}

export function useSaveRoleProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ roleProfileId, definition }: { roleProfileId?: string; definition: RoleProfileDefinition }) =>
      roleProfileId
        ? frameworksAuthoringApi.defineRoleProfile(roleProfileId, definition)
        : frameworksAuthoringApi.createRoleProfile(definition),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.roleProfiles }),
  });
}

export function usePublishRoleProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (roleProfileId: string) => frameworksAuthoringApi.publishRoleProfile(roleProfileId),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.roleProfiles }),
  });
}

export function useResources() {
  return useQuery({ queryKey: keys.resources, queryFn: ({ signal }) => frameworksAuthoringApi.resources(undefined, signal) });
}

export function useSaveResource() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ resourceId, definition }: { resourceId?: string; definition: ResourceDefinition }) =>
      resourceId
        ? frameworksAuthoringApi.defineResource(resourceId, definition)
        : frameworksAuthoringApi.createResource(definition),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.resources }),
  });
}

export function usePublishResource() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (resourceId: string) => frameworksAuthoringApi.publishResource(resourceId),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.resources }),
  });
}

export function useAssessmentsOf(competencyId: string | undefined) {
  return useQuery({
    queryKey: keys.assessments(competencyId ?? ''),
    queryFn: ({ signal }) => assessmentAuthoringApi.byCompetency(competencyId!, signal),
    enabled: Boolean(competencyId),
  });
}

export function useAssessment(assessmentId: string) {
  return useQuery({
    queryKey: keys.assessment(assessmentId),
    queryFn: ({ signal }) => assessmentAuthoringApi.get(assessmentId, signal),
  });
}

export function useCreateAssessment() {
  return useMutation({ mutationFn: (body: NewAssessment) => assessmentAuthoringApi.create(body) });
}

function useAssessmentChange<T>(assessmentId: string, change: (value: T) => ReturnType<typeof assessmentAuthoringApi.get>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (view) => {
      client.setQueryData(keys.assessment(assessmentId), view);
      return client.invalidateQueries({ queryKey: ['assessments', 'by-competency'] });
    },
  });
}

export function useDefineAssessment(assessmentId: string) {
  return useAssessmentChange(assessmentId, (definition: AssessmentDefinition) =>
    assessmentAuthoringApi.define(assessmentId, definition),
  );
}

export function usePublishAssessment(assessmentId: string) {
  return useAssessmentChange(assessmentId, (_: void) => assessmentAuthoringApi.publish(assessmentId));
}

export function useRetireAssessment(assessmentId: string) {
  return useAssessmentChange(assessmentId, (_: void) => assessmentAuthoringApi.retire(assessmentId));
}
