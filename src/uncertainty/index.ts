// Public exports of src/uncertainty/ (filled in by the work on this folder).
export {};
