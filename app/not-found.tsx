import Link from "next/link";

export default function NotFound() {
  return (
    <div>
      <h1 className="mb-2 text-2xl font-semibold">Not found</h1>
      <p className="mb-4">There is nothing at this address.</p>
      <Link href="/" className="text-blue-700 underline">
        Back to the desk
      </Link>
    </div>
  );
}
