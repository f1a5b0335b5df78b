// Per test file. Files share one worker and one database (isolate: false), so the
// client stays open between files; the worker's exit closes it.
export {};
