// Public exports of src/layers/ (filled in by the work on this folder).
export {};
