// Public exports of src/panel/ (filled in by the work on this folder).
export {};
