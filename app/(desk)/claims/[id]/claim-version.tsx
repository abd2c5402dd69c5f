"use client";
import { createContext, useContext, useState } from "react";

// What the other reviewer saved, from the 409's `current`.
export type Current = { status: string; version: number; suggestedVerdict?: string } | null;
export type Conflict = { message: string; current: Current; pending?: { what: string; retry: (version: number) => void } };

type State = {
  version: number;
  setVersion: (v: number) => void;
  conflict: Conflict | null;
  setConflict: (c: Conflict | null) => void;
};

const ClaimVersion = createContext<State | null>(null);

/**
 * The claim version the reviewer is working against, shared by the link buttons and the verdict
 * form. It moves only with the reviewer's own changes (each answer carries the new version) or when
 * they take in a conflict, never on a plain refresh: so a change someone else made is reported,
 * never silently overwritten.
 */
export function ClaimVersionProvider({ initial, children }: { initial: number; children: React.ReactNode }) {
  const [version, setVersion] = useState(initial);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  return <ClaimVersion.Provider value={{ version, setVersion, conflict, setConflict }}>{children}</ClaimVersion.Provider>;
}

export function useClaimVersion(): State {
  const s = useContext(ClaimVersion);
  if (!s) throw new Error("useClaimVersion outside ClaimVersionProvider");
  return s;
}
