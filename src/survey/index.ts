// Public exports of src/survey/ (filled in by the work on this folder).
export {};
