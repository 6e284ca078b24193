import type { Survey } from "../types.js";
import { InputError, shown, type InputProblem } from "../errors.js";

/** One group of experts: its label and its survey (the group's experts only, in file order). */
export interface ExpertGroup {
  label: string;
  survey: Survey;
}

/** Two groups of experts rated against the same model, ready for {@link compareGroups} (docs/methods.md §12.1). */
export interface GroupedPanel {
  /** Where the groups came from: one survey with a group column, or two surveys. */
  sources: string[];
  /** True when any source is a shipped SYNTHETIC panel. */
  synthetic: boolean;
  groups: [ExpertGroup, ExpertGroup];
}

/** The smallest group {@link compareGroups} accepts: a group of one has no spread, and no relabelling can move its expert. */
export const MIN_GROUP_SIZE = 2;

/** A survey made of some of `survey`'s experts. */
function subSurvey(survey: Survey, keep: (group: string | undefined) => boolean, source: string): Survey {
  return {
    ...survey,
    source,
    experts: survey.experts.filter((e) => keep(e.group)),
    warnings: [],
  };
}

/** Problems of groups with fewer than {@link MIN_GROUP_SIZE} experts, located at the group's source. */
function sizeProblems(groups: readonly ExpertGroup[], column?: string): InputProblem[] {
  return groups
    .filter((g) => g.survey.experts.length < MIN_GROUP_SIZE)
    .map((g) => ({
      file: g.survey.source,
      ...(column ? { column } : {}),
      message: `group ${shown(g.label)} has ${g.survey.experts.length} expert${g.survey.experts.length === 1 ? "" : "s"}${g.survey.experts.length ? ` (${g.survey.experts.map((e) => e.expert).join(", ")})` : ""}`,
      expected: `at least ${MIN_GROUP_SIZE} experts in each group`,
      found: `${g.survey.experts.length}`,
    }));
}

/**
 * The two groups of a survey with a group column (docs/methods.md §12.1): the experts with one
 * group label against those with the other, in the order the labels first appear in the file.
 * Every problem is reported at once.
 * @throws {InputError} located at the survey when it has no group column, the column holds one
 *   group or more than two, or a group has fewer than two experts.
 * @example
 * groupsFromSurvey(readSurvey("panel.csv", model)).groups.map((g) => g.label); // ["managers", "agents"]
 */
export function groupsFromSurvey(survey: Survey): GroupedPanel {
  const file = survey.source;
  const column = "group";
  if (survey.experts.every((e) => e.group === undefined))
    throw new InputError({
      file,
      column,
      message: "the survey has no group column, so there are no groups to compare",
      expected: "a group column (expert,from,to,value,group) or two survey files (compare a.csv b.csv)",
      found: "no group column",
    });
  const labels = [...new Set(survey.experts.map((e) => e.group).filter((g): g is string => g !== undefined))];
  if (labels.length !== 2)
    throw new InputError({
      file,
      column,
      message: labels.length === 1 ? `every expert is in group ${shown(labels[0])}: there is nothing to compare` : `the survey has ${labels.length} groups`,
      expected: "exactly two groups",
      found: labels.map((l) => shown(l)).join(", "),
    });
  const groups = labels.map((label) => ({ label, survey: subSurvey(survey, (g) => g === label, `${file} (group ${label})`) })) as [ExpertGroup, ExpertGroup];
  const problems = sizeProblems(groups, column).map((p) => ({ ...p, file }));
  if (problems.length) throw new InputError(problems);
  return { sources: [file], synthetic: survey.synthetic === true, groups };
}

/**
 * Two surveys as two groups (docs/methods.md §12.1): group labels default to the surveys' sources.
 * Both must rate the same components on the same scale.
 * @throws {InputError} when a survey has fewer than two experts, the labels are equal, or the components or scales differ.
 * @example
 * groupsFromSurveys(readSurvey("managers.csv", model), readSurvey("agents.csv", model)).groups[1].label; // "agents.csv"
 */
export function groupsFromSurveys(first: Survey, second: Survey, labels: readonly [string, string] = [first.source, second.source]): GroupedPanel {
  const groups: [ExpertGroup, ExpertGroup] = [
    { label: labels[0], survey: first },
    { label: labels[1], survey: second },
  ];
  const problems = sizeProblems(groups);
  if (labels[0] === labels[1])
    problems.push({ file: second.source, message: "the two groups have the same label", expected: "two different group labels", found: shown(labels[1]) });
  if (first.components.join("\u0000") !== second.components.join("\u0000"))
    problems.push({
      file: second.source,
      message: "the two surveys rate different components",
      expected: first.components.join(", "),
      found: second.components.join(", "),
    });
  if (first.scale.min !== second.scale.min || first.scale.max !== second.scale.max)
    problems.push({
      file: second.source,
      message: "the two surveys use different rating scales",
      expected: `${first.scale.min}–${first.scale.max}`,
      found: `${second.scale.min}–${second.scale.max}`,
    });
  if (problems.length) throw new InputError(problems);
  return { sources: [first.source, second.source], synthetic: first.synthetic === true || second.synthetic === true, groups };
}
