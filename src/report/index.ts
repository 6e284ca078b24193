// Public exports of src/report/ (filled in by the work on this folder).
export {};
