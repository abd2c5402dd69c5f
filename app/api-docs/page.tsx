import type { Metadata } from "next";
import { apiDocument } from "../api/v1/registry";
import { PageTitle } from "../_components/ui";
import { DataTable } from "../_components/data-table";

export const metadata: Metadata = { title: "API reference" };

// Public, like /api/v1/openapi.json which it renders: the reference holds nothing the routes do not
// already answer. Server-rendered from the same document; no scripts, no CDN.

type Schema = Record<string, unknown>;
type Param = { name: string; in: string; required: boolean; schema: Schema };
type Op = {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters: Param[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
  security: unknown[];
};

function SchemaBlock({ label, schema }: { label: string; schema: Schema }) {
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-sm font-medium">{label}</summary>
      <pre className="mt-1 overflow-x-auto rounded bg-stone-100 p-2 text-xs">{JSON.stringify(schema, null, 2)}</pre>
    </details>
  );
}

function Operation({ method, path, op }: { method: string; path: string; op: Op }) {
  const body = op.requestBody?.content["application/json"]?.schema;
  return (
    <section aria-labelledby={op.operationId} className="rounded border border-stone-200 bg-white p-4">
      <h3 id={op.operationId} className="font-mono text-sm">
        <span className="mr-2 rounded bg-stone-800 px-2 py-0.5 font-semibold uppercase text-white">{method}</span>
        {path}
      </h3>
      <p className="mt-1 font-medium">{op.summary}</p>
      <p className="text-sm text-stone-700">{op.description}</p>
      {op.parameters.length > 0 && (
        <DataTable
          caption="Parameters"
          captionClassName="text-left font-medium"
          className="mt-2"
          rows={op.parameters}
          rowKey={(p) => `${p.in}-${p.name}`}
          columns={[
            { header: "Name", cell: (p) => <span className="font-mono">{p.name}</span> },
            { header: "In", cell: (p) => p.in },
            { header: "Required", cell: (p) => (p.required ? "yes" : "no") },
            { header: "Schema", cell: (p) => <code className="break-all text-xs">{JSON.stringify(p.schema)}</code> },
          ]}
        />
      )}
      {body && <SchemaBlock label="Request body (application/json)" schema={body} />}
      <dl className="mt-2 text-sm">
        {Object.entries(op.responses).map(([status, r]) => (
          <div key={status} className="flex gap-2">
            <dt className="font-mono font-semibold">{status}</dt>
            <dd>{r.description}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export default function ApiDocsPage() {
  const doc = apiDocument();
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Op>).map(([method, op]) => ({ path, method, op })),
  );
  return (
    <div className="space-y-8">
      <div>
        <PageTitle>API reference</PageTitle>
        <p className="max-w-3xl">{doc.info.description}</p>
        <p className="mt-2 text-sm">
          Machine-readable:{" "}
          <a href="/api/v1/openapi.json" className="text-blue-700 underline">
            /api/v1/openapi.json
          </a>{" "}
          (OpenAPI {doc.openapi}).
        </p>
        <SchemaBlock label="Error body, for every 4xx and 5xx" schema={doc.components.schemas.Error} />
      </div>
      {doc.tags.map((t) => (
        <section key={t.name} aria-labelledby={`tag-${t.name}`}>
          <h2 id={`tag-${t.name}`} className="mb-3 text-xl font-semibold">
            {t.name}
          </h2>
          <div className="space-y-3">
            {ops
              .filter((o) => o.op.tags.includes(t.name))
              .map((o) => (
                <Operation key={`${o.method} ${o.path}`} {...o} />
              ))}
          </div>
        </section>
      ))}
    </div>
  );
}
