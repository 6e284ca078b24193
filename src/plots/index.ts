// Public exports of src/plots/ (filled in by the work on this folder).
export {};
