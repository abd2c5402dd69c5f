import Link from "next/link";

export default function Forbidden() {
  return (
    <div>
      <h1 className="mb-2 text-2xl font-semibold">Not allowed</h1>
      <p className="mb-4">This page is for admins only. Ask an admin if you need access.</p>
      <Link href="/" className="text-blue-700 underline">
        Back to the desk
      </Link>
    </div>
  );
}
