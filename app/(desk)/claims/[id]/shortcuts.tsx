"use client";
import { useEffect, useRef } from "react";
import { secondaryButtonClass } from "../../../_components/ui";

const SHORTCUTS: [string, string][] = [
  ["j", "Next claim"],
  ["k", "Previous claim"],
  ["1", "Choose Corroborated"],
  ["2", "Choose Single-sourced"],
  ["3", "Choose Contradicted"],
  ["l", "Link the focused suggestion as its suggested relation"],
  ["s", "Save the verdict"],
  ["?", "Show these shortcuts"],
];

const TYPING = new Set(["text", "search", "email", "number", "password", "url", "tel"]);

function typing(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  return el instanceof HTMLInputElement && TYPING.has(el.type);
}

const click = (selector: string) => (document.querySelector(selector) as HTMLElement | null)?.click();
// The verdict form's radio buttons take their ids from useId, so they are found by name and value.
const verdictRadio = (v: string) => `input[name="verdict"][value="${v}"]`;

// Keys act through the page's own controls, so a shortcut does exactly what its button does.
export function ReviewShortcuts() {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    // Scroll the article pane, not the window: the title, the claim and Next stay in view.
    const pane = document.getElementById("article-pane"),
      mark = document.getElementById("claim-mark");
    if (pane && mark) pane.scrollTop = mark.offsetTop - pane.offsetTop - pane.clientHeight / 3;
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || dialog.current?.open) return;
      const actions: Record<string, () => void> = {
        j: () => click("#next-claim"),
        k: () => click("#previous-claim"),
        "1": () => click(verdictRadio("corroborated")),
        "2": () => click(verdictRadio("single_sourced")),
        "3": () => click(verdictRadio("contradicted")),
        s: () => click("#save-verdict"),
        l: () => {
          const item = (document.activeElement as HTMLElement | null)?.closest("[data-suggestion]");
          (item?.querySelector("[data-link-default]") as HTMLElement | null)?.click();
        },
        "?": () => dialog.current?.showModal(),
      };
      const act = actions[e.key];
      if (!act) return;
      e.preventDefault();
      act();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  return (
    <>
      <button type="button" className={secondaryButtonClass} onClick={() => dialog.current?.showModal()} aria-keyshortcuts="?">
        Keyboard shortcuts
      </button>
      <dialog ref={dialog} aria-labelledby="shortcuts-title" className="m-auto rounded border border-stone-300 p-4 shadow-lg backdrop:bg-black/30">
        <h2 id="shortcuts-title" className="mb-2 text-lg font-semibold">
          Keyboard shortcuts
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {SHORTCUTS.map(([k, what]) => (
            <div key={k} className="contents">
              <dt>
                <kbd className="rounded border border-stone-300 px-1 font-mono">{k}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-2 text-sm text-stone-600">Shortcuts are ignored while you type in a text box. Escape closes this dialog.</p>
        <form method="dialog" className="mt-3">
          <button className={secondaryButtonClass}>Close</button>
        </form>
      </dialog>
    </>
  );
}
