// Public exports of src/survey/: reading, writing and templating expert surveys.
export * from "./parseSurvey.js";
export * from "./readSurvey.js";
export * from "./surveyTemplate.js";
export * from "./surveyToCsv.js";
export * from "./closestMatch.js";
export * from "./parseLocaleNumber.js";
export { SURVEY_COLUMN_NAMES, type SurveyLayout, type SurveyColumnRole } from "./surveyHeader.js";
