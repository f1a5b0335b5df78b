// The few editing commands the editor needs beyond what the browser gives a contenteditable:
// undo/redo, Enter with indentation, select all. The `codemirror@6.65.7` package in package.json
// is a mislabelled CodeMirror 5 build, so @codemirror/commands (basicSetup's history and keymaps)
// is not installed; these stand in for it until the dependency is fixed.
import { IndentContext, getIndentation, indentString } from "@codemirror/language";
import { Annotation, ChangeSet, EditorSelection, StateField, Transaction } from "@codemirror/state";
import type { Command, KeyBinding } from "@codemirror/view";

type Entry = { changes: ChangeSet; selection: EditorSelection; time: number; userEvent?: string };
type History = { done: Entry[]; undone: Entry[] };

const historyStep = Annotation.define<"undo" | "redo">();
const MAX_ENTRIES = 300;
const GROUP_WITHIN_MS = 600;

/** Each entry holds the changes that revert one edit (consecutive typing is grouped). */
export const editHistory = StateField.define<History>({
  create: () => ({ done: [], undone: [] }),
  update(history, transaction) {
    const step = transaction.annotation(historyStep);
    if (step) {
      const entry = { changes: transaction.changes.invert(transaction.startState.doc), selection: transaction.startState.selection, time: 0 };
      return step === "undo"
        ? { done: history.done.slice(0, -1), undone: [...history.undone, entry] }
        : { done: [...history.done, entry], undone: history.undone.slice(0, -1) };
    }
    if (!transaction.docChanged || transaction.annotation(Transaction.addToHistory) === false) return history;
    const inverse = transaction.changes.invert(transaction.startState.doc);
    const time = transaction.annotation(Transaction.time) ?? Date.now();
    const userEvent = transaction.annotation(Transaction.userEvent);
    const last = history.done.at(-1);
    const sameKind = last?.userEvent && userEvent && last.userEvent.split(".")[0] === userEvent.split(".")[0];
    if (last && sameKind && time - last.time < GROUP_WITHIN_MS) {
      const grouped = { changes: inverse.compose(last.changes), selection: last.selection, time, userEvent };
      return { done: [...history.done.slice(0, -1), grouped], undone: [] };
    }
    const entry = { changes: inverse, selection: transaction.startState.selection, time, userEvent };
    return { done: [...history.done, entry].slice(-MAX_ENTRIES), undone: [] };
  },
});

function historyCommand(step: "undo" | "redo"): Command {
  return (view) => {
    if (view.state.readOnly) return false;
    const history = view.state.field(editHistory, false);
    const entry = (step === "undo" ? history?.done : history?.undone)?.at(-1);
    if (!entry) return false;
    view.dispatch({
      changes: entry.changes,
      selection: entry.selection,
      annotations: historyStep.of(step),
      userEvent: step,
      scrollIntoView: true,
    });
    return true;
  };
}

export const undo = historyCommand("undo");
export const redo = historyCommand("redo");

/** Enter: a new line indented for the syntax around it; between brackets, the closing one moves down. */
export const insertNewlineAndIndent: Command = (view) => {
  const { state } = view;
  if (state.readOnly) return false;
  const transaction = state.changeByRange((range) => {
    const before = state.sliceDoc(range.from - 1, range.from);
    const after = state.sliceDoc(range.to, range.to + 1);
    const explode = ["{}", "[]", "()"].includes(before + after) || (before === ">" && after === "<");
    const line = state.doc.lineAt(range.from);
    const lineIndent = /^[ \t]*/.exec(line.text)?.[0] ?? "";
    const context = new IndentContext(state, { simulateBreak: range.from, simulateDoubleBreak: explode });
    const column = getIndentation(context, range.from);
    const indent = column === null ? lineIndent : indentString(state, column);
    const insert = explode ? `\n${indent}\n${lineIndent}` : `\n${indent}`;
    return { changes: { from: range.from, to: range.to, insert }, range: EditorSelection.cursor(range.from + 1 + indent.length) };
  });
  view.dispatch(transaction, { scrollIntoView: true, userEvent: "input" });
  return true;
};

export const selectAll: Command = (view) => {
  view.dispatch({ selection: { anchor: 0, head: view.state.doc.length }, userEvent: "select" });
  return true;
};

export const editingKeymap: KeyBinding[] = [
  { key: "Mod-z", run: undo, preventDefault: true },
  { key: "Mod-y", run: redo, preventDefault: true },
  { key: "Mod-Shift-z", run: redo, preventDefault: true },
  { key: "Enter", run: insertNewlineAndIndent },
  { key: "Mod-a", run: selectAll },
];
